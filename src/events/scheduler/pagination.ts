/** List operations page with `MaxResults` (1–100) and an opaque `NextToken` (the offset, encoded). */
import { decodeOffsetToken, pageFrom } from '../../paging';
import { validation } from './errors';
import { optionalInteger } from './names';

export function pageOf<T>(items: T[], maxResults: unknown, nextToken: unknown): { items: T[]; nextToken?: string } {
  const size = optionalInteger(maxResults, 'maxResults', 1, 100) ?? 100;
  const start = nextToken === undefined || nextToken === null ? 0 : typeof nextToken === 'string' ? decodeOffsetToken(nextToken) : undefined;
  if (start === undefined) throw validation('The NextToken provided is invalid.');
  return pageFrom(items, start, size);
}
