import { SfnApiError, ValidationException } from '../../src/control/errors';
import { pageBounds, paginate } from '../../src/control/pagination';
import { encodeOffsetToken } from '../../src/paging';

const rows = Array.from({ length: 250 }, (_, i) => i);
const fetchRows = (offset: number, limit: number): number[] => rows.slice(offset, offset + limit);

describe('pageBounds', () => {
  test.each<[number | undefined, number]>([
    [undefined, 100],
    [0, 100],
    [1, 1],
    [1000, 1000],
  ])('maxResults %p pages by %p', (maxResults, limit) => {
    expect(pageBounds({ maxResults })).toEqual({ offset: 0, limit });
  });

  test.each<[number, string]>([
    [1001, "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000"],
    [-1, "1 validation error detected: Value '-1' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 0"],
    [2.5, "1 validation error detected: Value '2.5' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000"],
  ])('maxResults %p is a ValidationException', (maxResults, message) => {
    expect(() => pageBounds({ maxResults })).toThrow(ValidationException);
    expect(() => pageBounds({ maxResults })).toThrow(message);
  });

  test.each(['not-a-token', encodeOffsetToken(5).slice(0, -2) + 'zz', Buffer.from('offset:-1').toString('base64')])('token %p is InvalidToken', (nextToken) => {
    let error: unknown;
    try {
      pageBounds({ nextToken });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SfnApiError);
    expect(error).toMatchObject({ code: 'InvalidToken', message: `Invalid Token: '${nextToken}'` });
  });

  test('an empty token is the first page', () => {
    expect(pageBounds({ nextToken: '' })).toEqual({ offset: 0, limit: 100 });
  });
});

describe('paginate', () => {
  test('walks every row once, in order, and the last page has no token', () => {
    const seen: number[] = [];
    const tokens: (string | undefined)[] = [];
    let nextToken: string | undefined;
    do {
      const page = paginate({ maxResults: 100, nextToken }, fetchRows);
      seen.push(...page.items);
      tokens.push(page.nextToken);
      nextToken = page.nextToken;
    } while (nextToken);
    expect(seen).toEqual(rows);
    expect(tokens.map((t) => t !== undefined)).toEqual([true, true, false]);
  });

  test('an exact fit has no further page', () => {
    expect(paginate({ maxResults: 250 }, fetchRows)).toEqual({ items: rows });
  });

  test('fetches one row more than the page to know whether another follows', () => {
    const calls: [number, number][] = [];
    paginate({ maxResults: 10, nextToken: encodeOffsetToken(20) }, (offset, limit) => {
      calls.push([offset, limit]);
      return fetchRows(offset, limit);
    });
    expect(calls).toEqual([[20, 11]]);
  });
});
