/**
 * StartExecution→completion latency through the HTTP API: the real @aws-sdk/client-sfn against
 * `createServer` on 127.0.0.1 (port 0), with an Engine on a fresh data directory (SQLite, WAL).
 *
 * - STANDARD: the clock starts before the SDK sends StartExecution and stops when the Engine's
 *   completion hook (`waitForExecution`) resolves, i.e. when the end is recorded durably. No
 *   DescribeExecution polling, whose interval would dominate the figure.
 * - EXPRESS: one StartSyncExecution round trip, which returns once the execution has ended.
 */
import { CreateStateMachineCommand, SFNClient, StartExecutionCommand, StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from '../src/api';
import { Engine } from '../src/control';
import type { LambdaInvoker } from '../src/interpreter/integrations/services';
import { percentile } from './measure';
import { renderTable } from './table';

const ROLE = 'arn:aws:iam::000000000000:role/statecraft-bench';
const WARM_UP_RUNS = 20;

const THREE_STATES = JSON.stringify({
  StartAt: 'Prepare',
  States: {
    Prepare: { Type: 'Pass', Parameters: { 'job.$': '$.job', stage: 'prepared' }, Next: 'Label' },
    Label: { Type: 'Pass', Result: 'labelled', ResultPath: '$.stage', Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
});

const noLambda: LambdaInvoker = { invoke: () => Promise.reject(new Error('the latency machine invokes no Lambda')) };

export class LatencyRunFailed extends Error {}

interface LatencyRow {
  what: string;
  samplesMs: number[];
}

export async function measureApiLatency(runs: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'statecraft-bench-api-'));
  const engine = new Engine({ dataDir, lambda: noLambda });
  const server = await createServer(engine, { host: '127.0.0.1', port: 0 });
  // StartSyncExecution would otherwise go to a `sync-` host prefix, which 127.0.0.1 lacks.
  const sfn = new SFNClient({ endpoint: server.url, disableHostPrefix: true, region: 'us-east-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } });
  try {
    const rows = [await standardLatency(engine, sfn, runs), await expressLatency(sfn, runs)];
    printLatency(rows, runs);
  } finally {
    sfn.destroy();
    await server.close();
    engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function createMachine(sfn: SFNClient, name: string, type: 'STANDARD' | 'EXPRESS'): Promise<string> {
  const out = await sfn.send(new CreateStateMachineCommand({ name, definition: THREE_STATES, roleArn: ROLE, type }));
  return out.stateMachineArn!;
}

async function standardLatency(engine: Engine, sfn: SFNClient, runs: number): Promise<LatencyRow> {
  const machineArn = await createMachine(sfn, 'bench-latency-standard', 'STANDARD');
  const once = async (i: number) => {
    const started = process.hrtime.bigint();
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: machineArn, input: JSON.stringify({ job: i }) }));
    const completion = engine.waitForExecution(executionArn!);
    // Undefined means it already ended before we asked: the end is recorded either way.
    const result = completion ? await completion : undefined;
    if (result && result.status !== 'SUCCEEDED') throw new LatencyRunFailed(`STANDARD execution ${executionArn} ended ${result.status}`);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  return { what: 'STANDARD: StartExecution → end recorded (Engine.waitForExecution)', samplesMs: await sample(once, runs) };
}

async function expressLatency(sfn: SFNClient, runs: number): Promise<LatencyRow> {
  const machineArn = await createMachine(sfn, 'bench-latency-express', 'EXPRESS');
  const once = async (i: number) => {
    const started = process.hrtime.bigint();
    const out = await sfn.send(new StartSyncExecutionCommand({ stateMachineArn: machineArn, input: JSON.stringify({ job: i }) }));
    if (out.status !== 'SUCCEEDED') throw new LatencyRunFailed(`EXPRESS execution ended ${out.status}: ${out.error ?? ''} ${out.cause ?? ''}`);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  return { what: 'EXPRESS: StartSyncExecution round trip', samplesMs: await sample(once, runs) };
}

/** Sequential runs, so each figure is one client's latency, not a queue's. */
async function sample(once: (i: number) => Promise<number>, runs: number): Promise<number[]> {
  for (let i = 0; i < WARM_UP_RUNS; i++) await once(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once(i));
  return samples.sort((a, b) => a - b);
}

function printLatency(rows: LatencyRow[], runs: number): void {
  console.log(`\nAPI latency, 3-state machine (Pass, Pass, Succeed), ${runs} sequential runs after ${WARM_UP_RUNS} warm-up, @aws-sdk/client-sfn → 127.0.0.1\n`);
  const ms = (v: number) => v.toFixed(2);
  const cells = rows.map((r) => [r.what, ms(percentile(r.samplesMs, 50)), ms(percentile(r.samplesMs, 99)), ms(r.samplesMs[0]), ms(r.samplesMs[r.samplesMs.length - 1])]);
  console.log(renderTable(['measured', 'p50 ms', 'p99 ms', 'min ms', 'max ms'], cells));
}
