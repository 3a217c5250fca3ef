/**
 * ResultWriter against the local object store, after AWS's "ResultWriter (Map)" page: the Map's
 * output names the manifest, which lists SUCCEEDED_n / FAILED_n files of execution records.
 */
import type { StateMachineDefinition } from '../../../src/asl/definition';
import type { Json, JsonObject } from '../../../src/asl/json';
import { ObjectStoreItems } from '../../../src/control/object-store-items';
import type { ObjectStore } from '../../../src/objects';
import { body, openStore, readObject } from '../../objects/helpers';
import { ItemSourceError, type LambdaInvoker, type ResultSink } from '../../../src/interpreter/integrations/services';
import { runMachine } from '../run-machine';

let store: ObjectStore;
beforeEach(async () => {
  store = await openStore();
  store.createBucket('demo-destination-bucket');
  store.createBucket('demo-dataset-bucket');
});
afterEach(() => store.close());

/** Children call a Lambda whose handler throws for rating "0" and doubles the rating otherwise. */
const scorer: LambdaInvoker = {
  async invoke(_name, payload) {
    const { rating } = payload as { rating: string };
    if (rating === '0') {
      return { payload: JSON.stringify({ errorType: 'Error', errorMessage: 'bad rating' }), functionError: 'Unhandled', executedVersion: '$LATEST' };
    }
    return { payload: JSON.stringify({ score: Number(rating) * 2 }), executedVersion: '$LATEST' };
  },
};

function machine(extra: JsonObject = {}): StateMachineDefinition {
  return {
    StartAt: 'Map',
    States: {
      Map: {
        Type: 'Map',
        Label: 'csvProcess',
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
          Parameters: { Bucket: 'demo-dataset-bucket', Key: 'ratings.csv' },
        },
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
          StartAt: 'Score',
          States: { Score: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:score', End: true } },
        },
        ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'demo-destination-bucket', Prefix: 'csvProcessJobs' } },
        ToleratedFailurePercentage: 50,
        End: true,
        ...extra,
      },
    },
  } as unknown as StateMachineDefinition;
}

async function run(csv: string, extra: JsonObject = {}) {
  await store.putObject('demo-dataset-bucket', 'ratings.csv', body(csv));
  const items = new ObjectStoreItems(store);
  return runMachine(machine(extra), {}, { services: { items, results: items, lambda: scorer } });
}

async function readJson(key: string): Promise<Json> {
  return JSON.parse((await readObject(store, 'demo-destination-bucket', key)).toString('utf8')) as Json;
}

test('the output names the manifest; the manifest lists the result files; each file holds execution records', async () => {
  const result = await run('rating\n4\n0\n5\n');
  expect(result.status).toBe('SUCCEEDED');
  const output = result.output as { MapRunArn: string; ResultWriterDetails: { Bucket: string; Key: string } };
  expect(output.MapRunArn).toMatch(/^arn:aws:states:us-east-1:123456789012:mapRun:machine\/csvProcess:[0-9a-f-]{36}$/);
  const runId = output.MapRunArn.split(':').pop();
  expect(output.ResultWriterDetails).toEqual({ Bucket: 'demo-destination-bucket', Key: `csvProcessJobs/${runId}/manifest.json` });

  const manifest = (await readJson(output.ResultWriterDetails.Key)) as JsonObject;
  const succeededKey = `csvProcessJobs/${runId}/SUCCEEDED_0.json`;
  const failedKey = `csvProcessJobs/${runId}/FAILED_0.json`;
  expect(manifest).toEqual({
    DestinationBucket: 'demo-destination-bucket',
    MapRunArn: output.MapRunArn,
    ResultFiles: {
      FAILED: [{ Key: failedKey, Size: store.headObject('demo-destination-bucket', failedKey).size }],
      PENDING: [],
      SUCCEEDED: [{ Key: succeededKey, Size: store.headObject('demo-destination-bucket', succeededKey).size }],
    },
  });

  const succeeded = (await readJson(succeededKey)) as JsonObject[];
  expect(succeeded.map((r) => r.Output).sort()).toEqual(['{"score":10}', '{"score":8}']);
  const record = succeeded.find((r) => r.Output === '{"score":8}')!;
  expect(Object.keys(record)).toEqual([
    'ExecutionArn', 'Input', 'InputDetails', 'Name', 'Output', 'OutputDetails', 'RedriveCount', 'RedriveStatus', 'RedriveStatusReason', 'StartDate', 'StateMachineArn', 'Status', 'StopDate',
  ]);
  expect(record).toMatchObject({
    ExecutionArn: `arn:aws:states:us-east-1:123456789012:execution:machine/csvProcess:${String(record.Name)}`,
    Input: '{"rating":"4"}',
    InputDetails: { Included: true },
    OutputDetails: { Included: true },
    RedriveCount: 0,
    RedriveStatus: 'NOT_REDRIVABLE',
    StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:machine/csvProcess',
    Status: 'SUCCEEDED',
  });
  expect(Date.parse(String(record.StopDate))).toBeGreaterThanOrEqual(Date.parse(String(record.StartDate)));

  const failed = (await readJson(failedKey)) as JsonObject[];
  expect(failed).toHaveLength(1);
  expect(failed[0]).toMatchObject({ Input: '{"rating":"0"}', Status: 'FAILED', Error: 'Error', Cause: expect.stringContaining('bad rating') });
  expect(failed[0].Output).toBeUndefined();
});

test('WriterConfig COMPACT writes the outputs alone, as JSON Lines', async () => {
  const result = await run('rating\n1\n2\n', { ResultWriter: {
    Resource: 'arn:aws:states:::s3:putObject',
    Parameters: { Bucket: 'demo-destination-bucket', Prefix: 'out/' },
    WriterConfig: { Transformation: 'COMPACT', OutputType: 'JSONL' },
  } });
  const manifest = (await readJson((result.output as { ResultWriterDetails: { Key: string } }).ResultWriterDetails.Key)) as { ResultFiles: { SUCCEEDED: { Key: string }[] } };
  const [file] = manifest.ResultFiles.SUCCEEDED;
  expect(file.Key).toMatch(/^out\/[0-9a-f-]{36}\/SUCCEEDED_0\.jsonl$/);
  const lines = (await readObject(store, 'demo-destination-bucket', file.Key)).toString('utf8').trim().split('\n').sort();
  expect(lines).toEqual(['{"score":2}', '{"score":4}']);
});

test('WriterConfig alone keeps the results in the output, FLATTEN spreading array outputs', async () => {
  await store.putObject('demo-dataset-bucket', 'ratings.csv', body('rating\n1\n2\n'));
  const definition = machine({ ResultWriter: { WriterConfig: { Transformation: 'FLATTEN', OutputType: 'JSON' } }, ItemBatcher: { MaxItemsPerBatch: 1 } });
  const map = definition.States.Map as unknown as { ItemProcessor: { States: JsonObject } };
  map.ItemProcessor.States = { Score: { Type: 'Pass', OutputPath: '$.Items', End: true } };
  const items = new ObjectStoreItems(store);
  const result = await runMachine(definition, {}, { services: { items } });
  expect(result.output).toEqual([{ rating: '1' }, { rating: '2' }]);
});

test('a failed Map Run still writes its results, then fails with the tolerance error', async () => {
  const result = await run('rating\n0\n0\n1\n', { ToleratedFailurePercentage: 10, MaxConcurrency: 1 });
  expect(result).toMatchObject({ status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold' });
  const keys = store.listObjects('demo-destination-bucket').contents.map((o) => o.key.split('/').pop());
  expect(keys).toContain('manifest.json');
});

test('a missing destination bucket fails the Map with States.ResultWriterFailed', async () => {
  const result = await run('rating\n1\n', { ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'no-such-bucket', Prefix: 'p' } } });
  expect(result).toMatchObject({ status: 'FAILED', error: 'States.ResultWriterFailed' });
  expect(result.cause).toMatch(/NoSuchBucket/);
});

test('a manifest that cannot be written fails the Map with States.ResultWriterFailed', async () => {
  await store.putObject('demo-dataset-bucket', 'ratings.csv', body('rating\n1\n'));
  const items = new ObjectStoreItems(store);
  const manifestFails: ResultSink = {
    open(bucket, key) {
      if (key.endsWith('manifest.json')) throw new ItemSourceError('AccessDenied', 'Access Denied', 403);
      return items.open(bucket, key);
    },
  };
  const result = await runMachine(machine(), {}, { services: { items, results: manifestFails, lambda: scorer } });
  expect(result).toMatchObject({ status: 'FAILED', error: 'States.ResultWriterFailed', cause: 'Access Denied (Service: S3, Status Code: 403, Error Code: AccessDenied)' });
  expect(result.events.map((e) => e.type)).toContain('MapRunFailed');
});
