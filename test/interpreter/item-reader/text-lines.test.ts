import { textLines } from '../../../src/interpreter/item-reader/text-lines';
import { SIZES, chunked, flat } from './chunks';

test.each(SIZES)('lines survive every chunk boundary, multi-byte characters included (chunks of %i bytes)', async (size) => {
  const text = 'naïve,日本\r\nsecond\n\nlast without newline';
  expect(await flat(textLines(chunked(text, size)))).toEqual(['naïve,日本', 'second', '', 'last without newline']);
});

test('a final newline adds no empty line', async () => {
  expect(await flat(textLines(chunked('a\nb\n', 1)))).toEqual(['a', 'b']);
});
