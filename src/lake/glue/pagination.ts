/** Glue's NextToken: an opaque offset into a stable ordering, and MaxResults' bounds. */
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
  const start = nextToken === undefined || nextToken === '' ? 0 : decodeToken(nextToken);
  const items = all.slice(start, start + size);
  return start + size < all.length ? { items, nextToken: encodeToken(start + size) } : { items };
}

function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64');
}

function decodeToken(token: unknown): number {
  try {
    const { offset } = JSON.parse(Buffer.from(String(token), 'base64').toString('utf8')) as { offset: unknown };
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // falls through to the error below
  }
  throw invalidInput('Invalid pagination token.');
}
