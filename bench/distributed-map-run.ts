/**
 * One engine's run of the distributed-Map bench, in a process of its own so that its peak memory
 * is its own: `node bin/run-ts.js bench/distributed-map-run.ts <statecraft|peer> <rows>`.
 * Prints one JSON line: seconds, peak RSS and heap (MiB), and a check of the results.
 */
import './polyfills';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StateMachineDefinition } from '../src/asl/definition';
import type { Json } from '../src/asl/json';
import { WallClock } from '../src/clock/clock';
import { ObjectStoreItems } from '../src/control/object-store-items';
import { runExecution } from '../src/interpreter/execution';
import { DiscardHistorySink } from '../src/interpreter/history/sink';
import { ObjectStore } from '../src/objects';
import { executionInfo } from './engines';
import { CSV_KEY, DATA_BUCKET, RESULT_BUCKET, batchedInput, csvStream, distributedDefinition, inlineDefinition } from './distributed-map-workload';

interface Peak {
  rss: number;
  heap: number;
}

function sampleMemory(peak: Peak): () => void {
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 20);
  return () => {
    clearInterval(timer);
    sample();
  };
}

async function statecraft(rows: number, peak: Peak): Promise<{ seconds: number; check: Json }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'statecraft-dmap-'));
  const store = await ObjectStore.open({ dataDir });
  try {
    store.createBucket(DATA_BUCKET);
    store.createBucket(RESULT_BUCKET);
    await store.putObject(DATA_BUCKET, CSV_KEY, csvStream(rows));
    const items = new ObjectStoreItems(store);
    const definition: StateMachineDefinition = distributedDefinition();
    const stop = sampleMemory(peak);
    const started = process.hrtime.bigint();
    const result = await runExecution({
      info: executionInfo('STANDARD', {}),
      definition,
      clock: new WallClock(),
      sink: new DiscardHistorySink(),
      keepDetails: false,
      services: { lambda: { invoke: () => Promise.reject(new Error('no Lambda in this bench')) }, items, results: items },
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    stop();
    if (result.status !== 'SUCCEEDED') throw new Error(`${result.status} ${result.error ?? ''} ${result.cause ?? ''}`);
    const manifestKey = (result.output as { ResultWriterDetails: { Key: string } }).ResultWriterDetails.Key;
    const manifest = JSON.parse(await readText(store, RESULT_BUCKET, manifestKey)) as { ResultFiles: { SUCCEEDED: { Key: string }[] } };
    let children = 0;
    let rowsSeen = 0;
    for (const file of manifest.ResultFiles.SUCCEEDED) {
      for (const record of JSON.parse(await readText(store, RESULT_BUCKET, file.Key)) as { Output: string }[]) {
        children++;
        rowsSeen += (JSON.parse(record.Output) as { rows: number }).rows;
      }
    }
    return { seconds, check: { children, rows: rowsSeen } };
  } finally {
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function readText(store: ObjectStore, bucket: string, key: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of (await store.openObject(bucket, key)).stream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function peer(rows: number, peak: Peak): Promise<{ seconds: number; check: Json }> {
  const { StateMachine } = (await import('aws-local-stepfunctions')) as unknown as {
    StateMachine: new (definition: unknown, options?: unknown) => { run(input: unknown): { result: Promise<unknown> } };
  };
  const machine = new StateMachine(inlineDefinition(), { validationOptions: { noValidate: true } });
  // The peer cannot read S3: its input is the parsed file, which counts towards its memory.
  const stop = sampleMemory(peak);
  const started = process.hrtime.bigint();
  const input = batchedInput(rows);
  const output = (await machine.run(input).result) as { rows: number }[];
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  stop();
  return { seconds, check: { children: output.length, rows: output.reduce((n, r) => n + r.rows, 0) } };
}

async function main(): Promise<void> {
  const [engine, rowsText] = process.argv.slice(2);
  const rows = Number(rowsText);
  const peak: Peak = { rss: 0, heap: 0 };
  const run = engine === 'peer' ? peer : statecraft;
  const { seconds, check } = await run(rows, peak);
  const mib = (b: number) => Math.round(b / 1024 / 1024);
  console.log(JSON.stringify({ seconds, peakRssMiB: mib(peak.rss), peakHeapMiB: mib(peak.heap), check }));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
