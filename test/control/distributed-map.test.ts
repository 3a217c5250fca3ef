/**
 * Through the Engine, as `statecraft serve` runs it: a state machine whose distributed Map reads a
 * CSV from the local object store and writes its results back, created and started by the API.
 */
import { Engine } from '../../src/control';
import type { ObjectStore } from '../../src/objects';
import { body, openStore, readObject } from '../objects/helpers';

let store: ObjectStore;
let engine: Engine;
beforeEach(async () => {
  store = await openStore();
  engine = new Engine({ lambda: { invoke: () => Promise.reject(new Error('unused')) }, objects: store });
});
afterEach(() => {
  engine.close();
  store.close();
});

test('a distributed Map over a CSV in the local S3, its results written back as AWS lays them out', async () => {
  store.createBucket('inputs');
  store.createBucket('outputs');
  await store.putObject('inputs', 'ratings.csv', body('title,rating\nDune,9\nAlien,8\nHeat,7\n'));
  const { stateMachineArn } = engine.createStateMachine({
    name: 'csvProcess',
    roleArn: 'arn:aws:iam::000000000000:role/r',
    definition: JSON.stringify({
      StartAt: 'Map',
      States: {
        Map: {
          Type: 'Map',
          Label: 'Map',
          ItemReader: {
            Resource: 'arn:aws:states:::s3:getObject',
            ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
            Parameters: { 'Bucket.$': '$.bucket', Key: 'ratings.csv' },
          },
          ItemBatcher: { MaxItemsPerBatch: 2 },
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'Count',
            States: { Count: { Type: 'Pass', Parameters: { 'n.$': 'States.ArrayLength($.Items)' }, End: true } },
          },
          ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'outputs', Prefix: 'csvProcessJobs' } },
          End: true,
        },
      },
    }),
  });
  const { executionArn } = engine.startExecution({ stateMachineArn, input: '{"bucket":"inputs"}' });
  const result = await engine.waitForExecution(executionArn!);
  expect(result).toMatchObject({ status: 'SUCCEEDED' });
  const output = result!.output as { MapRunArn: string; ResultWriterDetails: { Bucket: string; Key: string } };
  expect(output.MapRunArn).toMatch(/^arn:aws:states:us-east-1:000000000000:mapRun:csvProcess\/Map:/);
  const manifest = JSON.parse((await readObject(store, 'outputs', output.ResultWriterDetails.Key)).toString()) as { ResultFiles: { SUCCEEDED: { Key: string }[] } };
  const records = JSON.parse((await readObject(store, 'outputs', manifest.ResultFiles.SUCCEEDED[0].Key)).toString()) as { Output: string }[];
  expect(records.map((r) => r.Output).sort()).toEqual(['{"n":1}', '{"n":2}']);
  const history = engine.getExecutionHistory({ executionArn });
  expect(history.events!.map((e) => e.type)).toEqual([
    'ExecutionStarted', 'MapStateEntered', 'MapStateStarted', 'MapRunStarted', 'MapRunSucceeded', 'MapStateSucceeded', 'MapStateExited', 'ExecutionSucceeded',
  ]);
});
