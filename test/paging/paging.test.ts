/** The one page-token format: an offset round-trips, anything else is refused, pages end without a token. */
import { decodeOffsetToken, encodeOffsetToken, pageFrom } from '../../src/paging';

test.each([0, 1, 100, 123_456_789])('offset %d round-trips through its token', (offset) => {
  expect(decodeOffsetToken(encodeOffsetToken(offset))).toBe(offset);
});

test.each(['', 'not base64 at all', Buffer.from('offset:-1').toString('base64'), Buffer.from('{"o":3}').toString('base64'), Buffer.from('offset:1e3').toString('base64')])('%j is not a token', (token) => {
  expect(decodeOffsetToken(token)).toBeUndefined();
});

test.each([
  ['a first page with more to come', 0, 2, { items: [1, 2], next: 2 }],
  ['a middle page', 2, 2, { items: [3, 4], next: 4 }],
  ['the last page has no token', 4, 2, { items: [5], next: undefined }],
  ['an exact last page has no token', 3, 2, { items: [4, 5], next: undefined }],
  ['past the end is empty', 9, 2, { items: [], next: undefined }],
])('%s', (_name, start, size, expected) => {
  const page = pageFrom([1, 2, 3, 4, 5], start, size);
  expect(page.items).toEqual(expected.items);
  expect(page.nextToken === undefined ? undefined : decodeOffsetToken(page.nextToken)).toBe(expected.next);
});
