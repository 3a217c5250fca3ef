import { openSqlite } from '../../src/store/database';

const db = openSqlite(undefined, 'CREATE TABLE t (n INTEGER)');
afterAll(() => db.close());

test('the same SQL text gets the same compiled statement, and it keeps working', () => {
  const insert = 'INSERT INTO t (n) VALUES (?)';
  expect(db.prepare(insert)).toBe(db.prepare(insert));
  for (const n of [1, 2, 3]) db.prepare(insert).run(n);
  expect(db.prepare('SELECT SUM(n) AS total FROM t').get()).toEqual({ total: 6 });
});

test('different texts are different statements', () => {
  expect(db.prepare('SELECT 1')).not.toBe(db.prepare('SELECT 2'));
});
