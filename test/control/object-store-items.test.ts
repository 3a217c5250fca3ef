/** The local host's item source and result sink over the object store. */
import { ObjectStoreItems } from '../../src/control/object-store-items';
import { ItemSourceError } from '../../src/interpreter/integrations/services';
import type { ObjectStore } from '../../src/objects';
import { body, openStore, readObject } from '../objects/helpers';

let store: ObjectStore;
let items: ObjectStoreItems;
const signal = new AbortController().signal;
beforeEach(async () => {
  store = await openStore();
  store.createBucket('data');
  items = new ObjectStoreItems(store);
});
afterEach(() => store.close());

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of source) out.push(x);
  return out;
}

test('lists every key under the prefix, across pages', async () => {
  for (let i = 0; i < 1003; i++) await store.putObject('data', `p/${String(i).padStart(4, '0')}`, body('x'));
  await store.putObject('data', 'q/other', body('y'));
  const listed = await collect(items.listObjects('data', 'p/', signal));
  expect(listed).toHaveLength(1003);
  expect(listed[0]).toMatchObject({ key: 'p/0000', size: 1, storageClass: 'STANDARD' });
});

test('reads an object\'s bytes', async () => {
  await store.putObject('data', 'k', body('hello'));
  expect(Buffer.concat(await collect(items.readObject('data', 'k', undefined, signal))).toString()).toBe('hello');
});

test.each([
  ['data', 'missing', 'NoSuchKey', 404],
  ['no-bucket', 'k', 'NoSuchBucket', 404],
])('reading %s/%s rejects with ItemSourceError %s', async (bucket, key, code, status) => {
  const reading = collect(items.readObject(bucket, key, undefined, signal));
  await expect(reading).rejects.toBeInstanceOf(ItemSourceError);
  await expect(reading).rejects.toMatchObject({ code, statusCode: status });
});

test('a result object is streamed in and appears, whole, when closed', async () => {
  const writer = items.open('data', 'out/r.json');
  await writer.write('[1,');
  expect(() => store.headObject('data', 'out/r.json')).toThrow();
  await writer.write('2]');
  expect(await writer.close()).toBe(5);
  expect((await readObject(store, 'data', 'out/r.json')).toString()).toBe('[1,2]');
});

test('opening a result object in a missing bucket fails at once', () => {
  expect(() => items.open('no-bucket', 'k')).toThrow(expect.objectContaining({ code: 'NoSuchBucket' }));
});
