/**
 * A distributed Map's ItemReader against the local object store, modelled on the examples of
 * AWS's "ItemReader (Map)" page: a CSV with and without its header row, a JSON array, JSON Lines,
 * an S3 Inventory manifest, a bucket listing, MaxItems, and the reader's failures.
 */
import { gzipSync } from 'node:zlib';
import type { StateMachineDefinition } from '../../../src/asl/definition';
import type { Json, JsonObject } from '../../../src/asl/json';
import { ObjectStoreItems } from '../../../src/control/object-store-items';
import type { ObjectStore } from '../../../src/objects';
import { body, openStore } from '../../objects/helpers';
import { runMachine } from '../run-machine';

let store: ObjectStore;
beforeEach(async () => {
  store = await openStore();
  store.createBucket('demo-dataset-bucket');
});
afterEach(() => store.close());

const put = (key: string, content: string | Buffer) => store.putObject('demo-dataset-bucket', key, body(content));

/** A distributed Map that outputs its items as read (a Pass child returns its input). */
function readerMachine(itemReader: JsonObject, extra: JsonObject = {}): StateMachineDefinition {
  return {
    StartAt: 'Map',
    States: {
      Map: {
        Type: 'Map',
        ItemReader: itemReader,
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'Echo', States: { Echo: { Type: 'Pass', End: true } } },
        MaxConcurrency: 1,
        ...extra,
        End: true,
      },
    },
  } as unknown as StateMachineDefinition;
}

async function read(itemReader: JsonObject, input: Json = {}, extra: JsonObject = {}) {
  const items = new ObjectStoreItems(store);
  return runMachine(readerMachine(itemReader, extra), input, { services: { items, results: items } });
}

const csvReader = (config: JsonObject, key = 'csvDataset/ratings.csv') => ({
  Resource: 'arn:aws:states:::s3:getObject',
  ReaderConfig: { InputType: 'CSV', ...config },
  Parameters: { Bucket: 'demo-dataset-bucket', Key: key },
});

describe('CSV', () => {
  const ratings = 'rating,movieId,userId,timestamp\n3.5,307,1,1256677221\n4,481,1,1256677456\n"5,0","say ""hi""\nthere",2,1\n';

  test('FIRST_ROW names the fields; every value stays a string, quotes and line breaks included', async () => {
    await put('csvDataset/ratings.csv', ratings);
    const run = await read(csvReader({ CSVHeaderLocation: 'FIRST_ROW' }));
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toEqual([
      { rating: '3.5', movieId: '307', userId: '1', timestamp: '1256677221' },
      { rating: '4', movieId: '481', userId: '1', timestamp: '1256677456' },
      { rating: '5,0', movieId: 'say "hi"\nthere', userId: '2', timestamp: '1' },
    ]);
  });

  test('GIVEN takes CSVHeaders and reads the first row as data', async () => {
    await put('csvDataset/ratings.csv', '3.5,307\r\n4,481\r\n');
    const run = await read(csvReader({ CSVHeaderLocation: 'GIVEN', CSVHeaders: ['rating', 'movieId'] }));
    expect(run.output).toEqual([
      { rating: '3.5', movieId: '307' },
      { rating: '4', movieId: '481' },
    ]);
  });

  test('CSVDelimiter PIPE splits on |', async () => {
    await put('csvDataset/ratings.csv', 'a|b\n1|2\n');
    const run = await read(csvReader({ CSVDelimiter: 'PIPE' }));
    expect(run.output).toEqual([{ a: '1', b: '2' }]);
  });

  test('MaxItems stops reading after that many rows; MaxItemsPath takes it from the input', async () => {
    await put('csvDataset/ratings.csv', ratings);
    expect((await read(csvReader({ MaxItems: 2 }))).output).toHaveLength(2);
    expect((await read(csvReader({ MaxItemsPath: '$.limit' }), { limit: 1 })).output).toEqual([
      { rating: '3.5', movieId: '307', userId: '1', timestamp: '1256677221' },
    ]);
  });

  test.each([
    ['a row with more fields than the header', 'a,b\n1,2,3\n', 'CSV record at line 2 has 3 fields, but the header has 2.'],
    ['an unterminated quote', 'a,b\n1,"2\n', 'CSV record starting at line 2 has an unterminated quoted field.'],
  ])('%s fails the Map with States.ItemReaderFailed', async (_name, csv, cause) => {
    await put('csvDataset/ratings.csv', csv);
    const run = await read(csvReader({}));
    expect(run).toMatchObject({ status: 'FAILED', error: 'States.ItemReaderFailed', cause });
    expect(run.events.map((e) => e.type)).toContain('MapStateFailed');
  });
});

describe('JSON and JSONL', () => {
  test('a JSON array is read element by element', async () => {
    await put('data.json', ' [ {"id": 1, "tags": ["a,b", "]"]}, 2, "three", [4] ] \n');
    const run = await read({ Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: 'demo-dataset-bucket', Key: 'data.json' } });
    expect(run.output).toEqual([{ id: 1, tags: ['a,b', ']'] }, 2, 'three', [4]]);
  });

  test('JSON that is not an array fails with States.ItemReaderFailed', async () => {
    await put('data.json', '{"items": []}');
    const run = await read({ Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: 'demo-dataset-bucket', Key: 'data.json' } });
    expect(run).toMatchObject({ status: 'FAILED', error: 'States.ItemReaderFailed', cause: 'The JSON dataset must be a single array of items.' });
  });

  test('JSON Lines: one value per line, blank lines skipped; a malformed line names its number', async () => {
    const reader = { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSONL' }, Parameters: { Bucket: 'demo-dataset-bucket', Key: 'data.jsonl' } };
    await put('data.jsonl', '{"a":1}\n\n{"a":2}\n');
    expect((await read(reader)).output).toEqual([{ a: 1 }, { a: 2 }]);
    await put('data.jsonl', '{"a":1}\n{"a":\n');
    const failed = await read(reader);
    expect(failed).toMatchObject({ status: 'FAILED', error: 'States.ItemReaderFailed' });
    expect(failed.cause).toMatch(/^Line 2 of the JSONL dataset is not valid JSON/);
  });
});

test('MANIFEST reads the gzipped CSV files of an S3 Inventory report, keyed by its fileSchema', async () => {
  await put('inventory/data/part-1.csv.gz', gzipSync('"demo-dataset-bucket","images/a.jpg","34910"\n"demo-dataset-bucket","images/b.jpg","12"\n'));
  await put('inventory/data/part-2.csv.gz', gzipSync('"demo-dataset-bucket","images/c.jpg","7"\n'));
  await put(
    'inventory/manifest.json',
    JSON.stringify({
      sourceBucket: 'demo-dataset-bucket',
      destinationBucket: 'arn:aws:s3:::demo-dataset-bucket',
      version: '2016-11-30',
      fileFormat: 'CSV',
      fileSchema: 'Bucket, Key, Size',
      files: [{ key: 'inventory/data/part-1.csv.gz', size: 1, MD5checksum: 'x' }, { key: 'inventory/data/part-2.csv.gz', size: 1, MD5checksum: 'y' }],
    }),
  );
  const run = await read({ Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'MANIFEST' }, Parameters: { Bucket: 'demo-dataset-bucket', Key: 'inventory/manifest.json' } });
  expect(run.output).toEqual([
    { Bucket: 'demo-dataset-bucket', Key: 'images/a.jpg', Size: '34910' },
    { Bucket: 'demo-dataset-bucket', Key: 'images/b.jpg', Size: '12' },
    { Bucket: 'demo-dataset-bucket', Key: 'images/c.jpg', Size: '7' },
  ]);
});

describe('listObjectsV2', () => {
  test('lists the objects under a prefix, each shaped as AWS passes it (LastModified in epoch seconds)', async () => {
    const a = await put('processData/images/a.jpg', 'aaaa');
    await put('processData/images/b.jpg', 'bb');
    await put('other/c.jpg', 'c');
    const run = await read({ Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'demo-dataset-bucket', Prefix: 'processData' } });
    expect(run.output).toEqual([
      { Etag: a.etag, Key: 'processData/images/a.jpg', LastModified: Math.floor(a.lastModified.getTime() / 1000), Size: 4, StorageClass: 'STANDARD' },
      expect.objectContaining({ Key: 'processData/images/b.jpg', Size: 2 }),
    ]);
  });

  test('pages through more than 1,000 keys, and JSONata Arguments name the bucket', async () => {
    for (let i = 0; i < 1005; i++) await put(`many/${String(i).padStart(4, '0')}`, 'x');
    const items = new ObjectStoreItems(store);
    const definition = readerMachine(
      { Resource: 'arn:aws:states:::s3:listObjectsV2', Arguments: { Bucket: '{% $states.input.bucket %}', Prefix: 'many/' } },
      { QueryLanguage: 'JSONata', ItemBatcher: { MaxItemsPerBatch: 500 }, MaxConcurrency: 2 },
    );
    const run = await runMachine(definition, { bucket: 'demo-dataset-bucket' }, { services: { items } });
    const batches = run.output as { Items: JsonObject[] }[];
    expect(batches.map((b) => b.Items.length)).toEqual([500, 500, 5]);
    expect(batches[2].Items[4].Key).toBe('many/1004');
  });
});

describe('failures', () => {
  test('a missing object fails the Map before any child runs', async () => {
    const run = await read(csvReader({}, 'missing.csv'));
    expect(run).toMatchObject({ status: 'FAILED', error: 'States.ItemReaderFailed' });
    expect(run.cause).toBe('The specified key does not exist. (Service: S3, Status Code: 404, Error Code: NoSuchKey)');
    expect(run.events.map((e) => e.type)).toEqual(['ExecutionStarted', 'MapStateEntered', 'MapStateFailed', 'ExecutionFailed']);
  });

  test('States.ItemReaderFailed can be caught', async () => {
    const definition = readerMachine(csvReader({}, 'missing.csv'), { Catch: [{ ErrorEquals: ['States.ItemReaderFailed'], Next: 'Recovered' }] });
    delete (definition.States.Map as { End?: boolean }).End;
    (definition.States.Map as { Next?: string }).Next = 'Recovered';
    definition.States.Recovered = { Type: 'Pass', End: true };
    const items = new ObjectStoreItems(store);
    const run = await runMachine(definition, {}, { services: { items } });
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toMatchObject({ Error: 'States.ItemReaderFailed' });
  });

  test('a host without an item source fails with States.ItemReaderFailed rather than mapping over the input', async () => {
    const run = await runMachine(readerMachine(csvReader({})), [1, 2, 3]);
    expect(run).toMatchObject({ status: 'FAILED', error: 'States.ItemReaderFailed' });
  });
});

test('a dataset that turns unreadable midway fails the Map Run after children have already run (it is read in chunks)', async () => {
  const lines = Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ i }));
  await put('data.jsonl', `${lines.join('\n')}\n{"broken":\n`);
  const reader = { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSONL' }, Parameters: { Bucket: 'demo-dataset-bucket', Key: 'data.jsonl' } };
  const run = await read(reader, {}, { ItemBatcher: { MaxItemsPerBatch: 1000 }, ToleratedFailureCount: 5 });
  expect(run).toMatchObject({ status: 'FAILED', error: 'States.ItemReaderFailed' });
  expect(run.cause).toMatch(/^Line 20001 of the JSONL dataset is not valid JSON/);
  expect(run.events.map((e) => e.type)).toEqual(['ExecutionStarted', 'MapStateEntered', 'MapStateStarted', 'MapRunStarted', 'MapRunFailed', 'MapStateFailed', 'ExecutionFailed']);
});
