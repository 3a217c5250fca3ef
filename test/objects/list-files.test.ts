/** listFiles: the objects under a prefix with the files holding their bytes, for readers that read files in place. */
import { readFileSync } from 'node:fs';
import { body, openStore } from './helpers';

test('every object under the prefix, in key order, with its current file; other prefixes left out', async () => {
  const store = await openStore();
  store.createBucket('lake');
  const keys = Array.from({ length: 1203 }, (_, i) => `t/p=${String(i).padStart(4, '0')}/data`);
  for (const key of keys) await store.putObject('lake', key, body(key));
  await store.putObject('lake', 'u/other', body('x'));
  await store.putObject('lake', keys[7]!, body('replaced'));
  const files = store.listFiles('lake', 't/');
  expect(files.map((f) => f.key)).toEqual(keys);
  expect(files.every((f) => f.path.startsWith(store.filesDirectory))).toBe(true);
  expect(readFileSync(files[7]!.path, 'utf8')).toBe('replaced');
  expect(files[7]).toMatchObject({ size: 8, etag: store.headObject('lake', keys[7]!).etag });
  expect(() => store.listFiles('nope', '')).toThrow(expect.objectContaining({ code: 'NoSuchBucket' }));
  store.close();
});
