/** Glue's NextToken: an opaque offset into a stable ordering, and MaxResults' bounds. */
import { decodeOffsetToken, pageFrom } from '../../paging';
import { invalidInput } from './errors';

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export function paginate<T>(all: readonly T[], maxResults: unknown, nextToken: unknown, cap: number): Page<T> {
  const size = maxResults === undefined ? cap : Number(maxResults);
  if (!Number.isInteger(size) || size < 1 || size > cap) {
    throw invalidInput(`1 validation error detected: Value '${String(maxResults)}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and ${cap}`);
  }
  const start = nextToken === undefined || nextToken === '' ? 0 : typeof nextToken === 'string' ? decodeOffsetToken(nextToken) : undefined;
  if (start === undefined) throw invalidInput('Invalid pagination token.');
  return pageFrom(all, start, size);
}
