import { parseInventoryManifest } from '../../../src/interpreter/item-reader/manifest';

test('reads the destination bucket, the column names and the data files', () => {
  const manifest = parseInventoryManifest(
    JSON.stringify({ destinationBucket: 'arn:aws:s3:::inventory-bucket', fileFormat: 'CSV', fileSchema: 'Bucket, Key, Size', files: [{ key: 'a.csv.gz' }, { key: 'b.csv.gz' }] }),
  );
  expect(manifest).toEqual({ bucket: 'inventory-bucket', schema: ['Bucket', 'Key', 'Size'], files: ['a.csv.gz', 'b.csv.gz'] });
});

test.each([
  ['not JSON', 'nope', 'The manifest file is not valid JSON.'],
  ['an ORC inventory', JSON.stringify({ fileFormat: 'ORC' }), "The S3 Inventory file format 'ORC' is not supported: only CSV inventories can be read."],
  ['no files', JSON.stringify({ fileFormat: 'CSV', fileSchema: 'Key', destinationBucket: 'arn:aws:s3:::b' }), 'The manifest file must hold destinationBucket, fileSchema and files.'],
])('%s fails with States.ItemReaderFailed', (_name, text, cause) => {
  expect(() => parseInventoryManifest(text)).toThrow(expect.objectContaining({ error: 'States.ItemReaderFailed', cause }));
});
