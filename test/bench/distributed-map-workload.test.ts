/**
 * The distributed-Map bench's workload at a toy size: statecraft's ItemReader → batches → ResultWriter
 * run and the peer's inline Map over the pre-batched rows compute the same per-batch summaries, so
 * their rates compare the same work. No timing is asserted.
 */
import { executionInfo, peer } from '../../bench/engines';
import { CSV_KEY, DATA_BUCKET, RESULT_BUCKET, batchedInput, csvStream, distributedDefinition, inlineDefinition } from '../../bench/distributed-map-workload';
import type { Json } from '../../src/asl/json';
import { WallClock } from '../../src/clock/clock';
import { ObjectStoreItems } from '../../src/control/object-store-items';
import { runExecution } from '../../src/interpreter/execution';
import { DiscardHistorySink } from '../../src/interpreter/history/sink';
import { openStore, readObject } from '../objects/helpers';

const ROWS = 2_500;

test('statecraft and the peer summarise the same batches', async () => {
  const store = await openStore();
  try {
    store.createBucket(DATA_BUCKET);
    store.createBucket(RESULT_BUCKET);
    await store.putObject(DATA_BUCKET, CSV_KEY, csvStream(ROWS));
    const items = new ObjectStoreItems(store);
    const result = await runExecution({
      info: executionInfo('STANDARD', {}),
      definition: distributedDefinition(),
      clock: new WallClock(),
      sink: new DiscardHistorySink(),
      services: { lambda: { invoke: () => Promise.reject(new Error('unused')) }, items, results: items },
    });
    expect(result.status).toBe('SUCCEEDED');
    const manifestKey = (result.output as { ResultWriterDetails: { Key: string } }).ResultWriterDetails.Key;
    const manifest = JSON.parse((await readObject(store, RESULT_BUCKET, manifestKey)).toString()) as { ResultFiles: { SUCCEEDED: { Key: string }[] } };
    const records = JSON.parse((await readObject(store, RESULT_BUCKET, manifest.ResultFiles.SUCCEEDED[0].Key)).toString()) as { Output: string }[];
    const ours = records.map((r) => JSON.parse(r.Output) as { first: string }).sort((a, b) => Number(a.first) - Number(b.first));

    const engine = await peer();
    const theirs = await engine.run(inlineDefinition(), batchedInput(ROWS));
    expect(ours).toEqual(theirs as Json[]);
    expect(ours).toEqual([
      { rows: 1000, first: '0' },
      { rows: 1000, first: '1000' },
      { rows: 500, first: '2000' },
    ]);
  } finally {
    store.close();
  }
});
