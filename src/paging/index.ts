/**
 * The one page-token format of every local List* API: an opaque base64 text holding the offset of
 * the next item. Each API checks its own page size and raises its own error for a token this does
 * not accept, because each names the failure differently.
 */
const PREFIX = 'offset:';

export function encodeOffsetToken(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`).toString('base64');
}

/** The offset a token holds, or undefined when the token is not one of ours. */
export function decodeOffsetToken(token: string): number | undefined {
  const match = /^offset:(\d{1,15})$/.exec(Buffer.from(token, 'base64').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

/** The items of one page from `start`, and the token of the next page when more follow. */
export function pageFrom<T>(items: readonly T[], start: number, size: number): { items: T[]; nextToken?: string } {
  const page = items.slice(start, start + size);
  const end = start + page.length;
  return { items: page, ...(end < items.length ? { nextToken: encodeOffsetToken(end) } : {}) };
}
