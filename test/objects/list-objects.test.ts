import { openStore, body } from './helpers';
import type { ObjectStore, ListObjectsQuery } from '../../src/objects';

const KEYS = [
  'a.txt',
  'photos/2024/jan/1.jpg',
  'photos/2024/jan/2.jpg',
  'photos/2024/feb/1.jpg',
  'photos/2025/mar/1.jpg',
  'photos/index.html',
  'videos/clip.mp4',
  'z',
  'é-accent',
  'Zebra',
  'a b+c',
];

let store: ObjectStore;

beforeAll(async () => {
  store = await openStore();
  store.createBucket('listing');
  for (const key of KEYS) await store.putObject('listing', key, body(key));
});

afterAll(() => store.close());

function list(query: ListObjectsQuery) {
  const result = store.listObjects('listing', query);
  return { keys: result.contents.map((object) => object.key), prefixes: result.commonPrefixes, truncated: result.isTruncated };
}

/** Byte-wise UTF-8 order, which is S3's listing order. */
const sorted = [...KEYS].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

test.each<[string, ListObjectsQuery, { keys: string[]; prefixes: string[]; truncated: boolean }]>([
  ['everything in UTF-8 byte order', {}, { keys: sorted, prefixes: [], truncated: false }],
  [
    'prefix',
    { prefix: 'photos/2024/' },
    { keys: ['photos/2024/feb/1.jpg', 'photos/2024/jan/1.jpg', 'photos/2024/jan/2.jpg'], prefixes: [], truncated: false },
  ],
  [
    'delimiter at the root',
    { delimiter: '/' },
    { keys: ['Zebra', 'a b+c', 'a.txt', 'z', 'é-accent'], prefixes: ['photos/', 'videos/'], truncated: false },
  ],
  [
    'prefix and delimiter',
    { prefix: 'photos/', delimiter: '/' },
    { keys: ['photos/index.html'], prefixes: ['photos/2024/', 'photos/2025/'], truncated: false },
  ],
  ['max keys counts prefixes too', { delimiter: '/', maxKeys: 3 }, { keys: ['Zebra', 'a b+c', 'a.txt'], prefixes: [], truncated: true }],
  [
    'start after',
    { startAfter: 'photos/index.html', delimiter: '/' },
    { keys: ['z', 'é-accent'], prefixes: ['videos/'], truncated: false },
  ],
  ['prefix matching nothing', { prefix: 'nothing/' }, { keys: [], prefixes: [], truncated: false }],
  ['multi-character delimiter', { prefix: 'photos/', delimiter: '/jan/' }, {
    keys: ['photos/2024/feb/1.jpg', 'photos/2025/mar/1.jpg', 'photos/index.html'],
    prefixes: ['photos/2024/jan/'],
    truncated: false,
  }],
])('%s', (_name, query, expected) => {
  expect(list(query)).toEqual(expected);
});

test('paging with continuation tokens visits every key and prefix exactly once', () => {
  for (const maxKeys of [1, 2, 3, 5]) {
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = store.listObjects('listing', { delimiter: '/', maxKeys, continuationToken: token });
      expect(page.contents.length + page.commonPrefixes.length).toBeLessThanOrEqual(maxKeys);
      seen.push(...page.contents.map((object) => object.key), ...page.commonPrefixes);
      token = page.nextContinuationToken;
      expect(page.isTruncated).toBe(token !== undefined);
    } while (token);
    expect(seen.sort()).toEqual(['Zebra', 'a b+c', 'a.txt', 'photos/', 'videos/', 'z', 'é-accent'].sort());
  }
});

test('a malformed continuation token is an InvalidArgument', () => {
  expect(() => store.listObjects('listing', { continuationToken: '%%%' })).toThrow(
    expect.objectContaining({ code: 'InvalidArgument' }),
  );
});
