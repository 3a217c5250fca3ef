import type { Json } from '../../../src/asl/json';
import { readDataset } from '../../../src/interpreter/item-reader';
import { ItemSourceError, type ItemSource } from '../../../src/interpreter/integrations/services';
import { chunked, flat } from './chunks';

const signal = new AbortController().signal;

function source(files: Record<string, string>): ItemSource {
  return {
    readObject: (_bucket, key) => {
      if (!(key in files)) throw new ItemSourceError('NoSuchKey', 'The specified key does not exist.', 404);
      return chunked(files[key], 4);
    },
    async *listObjects() {
      yield { key: 'k', size: 1, etag: '"e"', lastModified: 1_700_000_000_999, storageClass: 'STANDARD' };
    },
  };
}

const read = (files: Record<string, string>, request: object): Promise<Json[]> =>
  flat(readDataset(source(files), { resource: 'arn:aws:states:::s3:getObject', bucket: 'b', key: 'k', ...request }, signal));

test.each([
  [{ maxItems: 2 }, ['1', '2']],
  [{ maxItems: 0 }, ['1', '2', '3']],
  [{}, ['1', '2', '3']],
])('MaxItems %j', async (request, values) => {
  const items = await read({ k: 'v\n1\n2\n3\n' }, { inputType: 'CSV', ...request });
  expect(items.map((i) => (i as { v: string }).v)).toEqual(values);
});

test('a listing item: LastModified in whole epoch seconds', async () => {
  const items = await flat(readDataset(source({}), { resource: 'arn:aws:states:::s3:listObjectsV2', bucket: 'b' }, signal));
  expect(items).toEqual([{ Etag: '"e"', Key: 'k', LastModified: 1_700_000_000, Size: 1, StorageClass: 'STANDARD' }]);
});

test.each([
  [{ inputType: 'PARQUET' }, "The ReaderConfig InputType 'PARQUET' is not supported."],
  [{ inputType: 'CSV', csvHeaderLocation: 'GIVEN' }, 'CSVHeaders must list the column names when CSVHeaderLocation is GIVEN.'],
  [{ inputType: 'CSV', key: 'missing' }, 'The specified key does not exist. (Service: S3, Status Code: 404, Error Code: NoSuchKey)'],
  [{ resource: 'arn:aws:states:::s3:selectObjectContent' }, "The ItemReader resource 'arn:aws:states:::s3:selectObjectContent' is not supported."],
])('%j fails with States.ItemReaderFailed', async (request, cause) => {
  await expect(read({ k: 'v\n1\n' }, request)).rejects.toMatchObject({ error: 'States.ItemReaderFailed', cause });
});
