import type { Json } from '../../../src/asl/json';
import { jsonArrayItems } from '../../../src/interpreter/item-reader/json-array';
import { SIZES, chunked, flat } from './chunks';

const items: Json[] = [{ a: 'x,]}"\\' }, [1, [2, 3]], 'naïve 日本', 4.5e-3, null, true, {}];

test.each(SIZES)('every element, whatever it holds, in chunks of %i bytes', async (size) => {
  expect(await flat(jsonArrayItems(chunked(` \n${JSON.stringify(items, null, 1)}\n`, size)))).toEqual(items);
});

test('an empty array has no items', async () => {
  expect(await flat(jsonArrayItems(chunked('[ ]', 1)))).toEqual([]);
});

test.each([
  ['an object', '{"a":1}', 'The JSON dataset must be a single array of items.'],
  ['text after the array', '[1] [2]', 'The JSON dataset must be a single array of items.'],
  ['an unclosed array', '[1, 2', 'The JSON dataset ends before its array is closed.'],
  ['an empty element', '[1,,2]', 'The JSON dataset has an empty element after item 1.'],
])('%s fails with States.ItemReaderFailed', async (_name, text, cause) => {
  await expect(flat(jsonArrayItems(chunked(text, 2)))).rejects.toMatchObject({ error: 'States.ItemReaderFailed', cause });
});

test('a malformed element names its position', async () => {
  await expect(flat(jsonArrayItems(chunked('[1, {"a":}]', 3)))).rejects.toMatchObject({ cause: expect.stringMatching(/^The JSON dataset's item 2 is not valid JSON/) });
});
