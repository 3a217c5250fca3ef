import { csvItems, csvRecords } from '../../../src/interpreter/item-reader/csv';
import { SIZES, chunked, flat } from './chunks';

const quoted = 'name,note\n"Smith, J","said ""hi""\nthen left"\nplain,"x"\n';

test.each(SIZES)('quoted fields with delimiters, doubled quotes and line breaks, in chunks of %i bytes', async (size) => {
  expect(await flat(csvItems(chunked(quoted, size), {}))).toEqual([
    { name: 'Smith, J', note: 'said "hi"\nthen left' },
    { name: 'plain', note: 'x' },
  ]);
});

test('records know the line they start on', async () => {
  const records = await flat(csvRecords(chunked(quoted, 4)));
  expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
});

test.each([
  ['a header over 10 KiB', `${'h'.repeat(10 * 1024 + 1)}\n1\n`, 'The CSV header row exceeds the maximum size of 10240 bytes.'],
  ['a quote inside an unquoted field', 'a\nx"y"\n', 'CSV record at line 2 has a quote inside an unquoted field.'],
  ['a row with fewer fields than the header', 'a,b\n1\n', 'CSV record at line 2 has 1 fields, but the header has 2.'],
])('%s fails with States.ItemReaderFailed', async (_name, csv, cause) => {
  await expect(flat(csvItems(chunked(csv, 7), {}))).rejects.toMatchObject({ error: 'States.ItemReaderFailed', cause });
});

test('TAB and given headers', async () => {
  expect(await flat(csvItems(chunked('1\t2\n', 2), { headers: ['x', 'y'], delimiter: '\t' }))).toEqual([{ x: '1', y: '2' }]);
});
