/** List operations page with `Limit` and an opaque `NextToken` (the offset, encoded). */
import { decodeOffsetToken, pageFrom } from '../../paging';
import { validation } from './errors';

export function pageOf<T>(items: T[], limit?: number, nextToken?: string): { items: T[]; nextToken?: string } {
  const start = nextToken === undefined ? 0 : decodeOffsetToken(nextToken);
  if (start === undefined) throw validation('The NextToken provided is invalid.');
  return pageFrom(items, start, limit ?? 100);
}
