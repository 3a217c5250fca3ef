import { jsonlItems } from '../../../src/interpreter/item-reader/jsonl';
import { SIZES, chunked, flat } from './chunks';

test.each(SIZES)('one value per line, blank lines skipped, in chunks of %i bytes', async (size) => {
  expect(await flat(jsonlItems(chunked('{"a":"x\\ny"}\r\n\n[1]\n"s"', size)))).toEqual([{ a: 'x\ny' }, [1], 's']);
});
