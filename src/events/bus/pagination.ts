/** List operations page with `Limit` and an opaque `NextToken` (the offset, encoded). */
import { validation } from './errors';

export function pageOf<T>(items: T[], limit?: number, nextToken?: string): { items: T[]; nextToken?: string } {
  const start = nextToken === undefined ? 0 : decodeToken(nextToken);
  const size = limit ?? 100;
  const page = items.slice(start, start + size);
  const end = start + page.length;
  return { items: page, ...(end < items.length ? { nextToken: Buffer.from(`offset:${end}`).toString('base64') } : {}) };
}

function decodeToken(token: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
  if (!match) throw validation('The NextToken provided is invalid.');
  return Number(match[1]);
}
