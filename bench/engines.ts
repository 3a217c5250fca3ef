/**
 * The engines under test, each behind one `run(definition, input)` call so that every workload
 * is driven the same way: statecraft in memory (EXPRESS), statecraft writing every history event
 * and the execution record to SQLite (STANDARD), and the peer, aws-local-stepfunctions.
 */
import './polyfills';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StateMachineDefinition } from '../src/asl/definition';
import type { Json } from '../src/asl/json';
import { WallClock } from '../src/clock/clock';
import { runExecution, type ExecutionResult } from '../src/interpreter/execution';
import { DiscardHistorySink, type HistorySink } from '../src/interpreter/history/sink';
import type { TaskServices } from '../src/interpreter/integrations/services';
import type { ExecutionInfo } from '../src/interpreter/runtime';
import { ExecutionStore, SqliteHistorySink, openDatabase, type Db } from '../src/store';

export interface Engine {
  label: string;
  run(definition: StateMachineDefinition, input: Json): Promise<Json>;
  close(): void;
}

export class BenchExecutionFailed extends Error {
  constructor(engine: string, detail: string) {
    super(`${engine}: execution did not succeed: ${detail}`);
  }
}

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const clock = new WallClock();

/** The workloads have no Task states; a call here means the definition is not what we meant. */
const noServices: TaskServices = {
  lambda: {
    invoke: () => Promise.reject(new Error('the benchmark workloads invoke no Lambda')),
  },
};

let executionSeq = 0;

export function executionInfo(definitionType: ExecutionInfo['type'], input: Json): ExecutionInfo {
  const name = `bench-${++executionSeq}`;
  const machine = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:bench`;
  return {
    executionArn: `arn:aws:states:${REGION}:${ACCOUNT}:${definitionType === 'EXPRESS' ? 'express' : 'execution'}:bench:${name}`,
    name,
    stateMachineArn: machine,
    stateMachineName: 'bench',
    roleArn: `arn:aws:iam::${ACCOUNT}:role/bench`,
    input,
    startTime: clock.now(),
    redriveCount: 0,
    region: REGION,
    account: ACCOUNT,
    type: definitionType,
  };
}

function outputOf(label: string, result: ExecutionResult): Json {
  if (result.status !== 'SUCCEEDED') throw new BenchExecutionFailed(label, `${result.status} ${result.error ?? ''} ${result.cause ?? ''}`);
  return result.output ?? null;
}

/** In-memory EXPRESS: history events are numbered but neither built nor kept. */
export function statecraftExpress(sink: HistorySink = new DiscardHistorySink()): Engine {
  const label = 'statecraft EXPRESS';
  return {
    label,
    async run(definition, input) {
      const result = await runExecution({ info: executionInfo('EXPRESS', input), definition, clock, sink, services: noServices, keepDetails: false });
      return outputOf(label, result);
    },
    close() {},
  };
}

/**
 * Durable STANDARD: the execution row is written before the run and updated after it, and every
 * history event (with its details) is committed to SQLite in WAL mode in a fresh data directory.
 */
export function statecraftStandard(): Engine {
  const label = 'statecraft STANDARD';
  const dataDir = mkdtempSync(join(tmpdir(), 'statecraft-bench-'));
  const db: Db = openDatabase(dataDir);
  const sink = new SqliteHistorySink(db);
  const executions = new ExecutionStore(db);
  return {
    label,
    async run(definition, input) {
      const info = executionInfo('STANDARD', input);
      executions.insert({
        arn: info.executionArn,
        name: info.name,
        stateMachineArn: info.stateMachineArn,
        definition: JSON.stringify(definition),
        roleArn: info.roleArn,
        type: 'STANDARD',
        status: 'RUNNING',
        input: JSON.stringify(input),
        startDate: info.startTime,
        redriveCount: 0,
      });
      // The workloads record far more than the 25,000 events AWS lets one STANDARD execution hold:
      // the bench measures the recorder's throughput, so it lifts that limit.
      const result = await runExecution({ info, definition, clock, sink, services: noServices, keepDetails: true, historyLimit: Infinity });
      executions.finish(info.executionArn, { ...result, output: result.output === undefined ? undefined : JSON.stringify(result.output), stopDate: result.stopTime });
      return outputOf(label, result);
    },
    close() {
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface PeerModule {
  StateMachine: new (definition: unknown, options?: unknown) => { run(input: unknown): { result: Promise<unknown> } };
}

/** aws-local-stepfunctions v3 (ESM-only), with definition validation off as it costs nothing per run. */
export async function peer(): Promise<Engine> {
  const { StateMachine } = (await import('aws-local-stepfunctions')) as unknown as PeerModule;
  // Built once per definition, as statecraft runs a parsed definition without re-reading it.
  const machines = new WeakMap<StateMachineDefinition, InstanceType<PeerModule['StateMachine']>>();
  return {
    label: 'aws-local-stepfunctions',
    async run(definition, input) {
      let machine = machines.get(definition);
      if (!machine) machines.set(definition, (machine = new StateMachine(definition, { validationOptions: { noValidate: true } })));
      return (await machine.run(input).result) as Json;
    },
    close() {},
  };
}
