/** List operations page with `MaxResults` (1–100) and an opaque `NextToken` (the offset, encoded). */
import { validation } from './errors';
import { optionalInteger } from './names';

export function pageOf<T>(items: T[], maxResults: unknown, nextToken: unknown): { items: T[]; nextToken?: string } {
  const size = optionalInteger(maxResults, 'maxResults', 1, 100) ?? 100;
  const start = nextToken === undefined || nextToken === null ? 0 : decodeToken(nextToken);
  const page = items.slice(start, start + size);
  const end = start + page.length;
  return { items: page, ...(end < items.length ? { nextToken: Buffer.from(`offset:${end}`).toString('base64') } : {}) };
}

function decodeToken(token: unknown): number {
  const match = typeof token === 'string' ? /^offset:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8')) : null;
  if (!match) throw validation('The NextToken provided is invalid.');
  return Number(match[1]);
}
