/**
 * The bench's upload→RUNNING workload at toy size: each PutObject through the endpoint starts exactly
 * one execution of the bench machine, with the S3 event as its input, and the sample names that
 * execution. No timing is asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_BUCKET, KEY_PREFIX, openUploadBench, WorkloadMismatch, type UploadBench } from '../../bench/upload-workload';

let dir: string;
let bench: UploadBench;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-bench-upload-'));
  bench = await openUploadBench(dir);
});
afterAll(async () => {
  await bench.close();
  rmSync(dir, { recursive: true, force: true });
});

const executions = () => bench.runtime.engine.listExecutions({ stateMachineArn: bench.stateMachineArn }).executions ?? [];
const body = Buffer.from('a,b\n1,2\n');

test('each upload starts one execution, whose input is the Object Created event of that upload', async () => {
  const keys = [0, 1, 2].map((i) => `${KEY_PREFIX}data-${i}.csv`);
  const samples = [];
  for (const key of keys) samples.push(await bench.upload(key, body));

  expect(new Set(samples.map((sample) => sample.executionArn)).size).toBe(keys.length);
  expect(executions().map((execution) => execution.executionArn).sort()).toEqual(samples.map((sample) => sample.executionArn).sort());
  expect(bench.starts.map((start) => start.executionArn)).toEqual(samples.map((sample) => sample.executionArn));
  for (const [i, sample] of samples.entries()) {
    const described = bench.runtime.engine.describeExecution({ executionArn: sample.executionArn });
    expect(JSON.parse(described.input!)).toMatchObject({
      source: 'aws.s3',
      'detail-type': 'Object Created',
      resources: [`arn:aws:s3:::${BENCH_BUCKET}`],
      detail: { bucket: { name: BENCH_BUCKET }, object: { key: keys[i], size: body.length }, reason: 'PutObject' },
    });
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output!)).toEqual({ bucket: BENCH_BUCKET, key: keys[i] });
  }
});

test('an upload outside the rule prefix starts nothing, and the bench fails rather than timing it', async () => {
  const before = executions().length;
  await expect(bench.upload('elsewhere/data.csv', body)).rejects.toThrow(WorkloadMismatch);
  expect(executions()).toHaveLength(before);
});
