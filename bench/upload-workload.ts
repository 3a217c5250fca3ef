/**
 * The upload→RUNNING workload: the local runtime `statecraft serve` runs (durable SQLite files on a
 * data dir, the event bus, every registry workflow) behind the local endpoint, plus a bench state
 * machine started by a rule on the default bus for `Object Created` under `incoming/` in a bucket with
 * EventBridge notifications on. All of it is set up with the real SDK clients through the endpoint.
 *
 * RUNNING is the moment the engine tells its status listener an execution started, which it does
 * right after committing the execution's row with status RUNNING: from then on DescribeExecution
 * reports it RUNNING and a restarted engine resumes it.
 */
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateBucketCommand, PutBucketNotificationConfigurationCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { createLocalEndpoint, type RunningServer } from '../src/api';
import type { ExecutionStatusChange } from '../src/control/engine';
import { createLocalRuntime, type LocalRuntime } from '../src/host';
import { registry } from '../workflows/registry';

export const BENCH_BUCKET = 'statecraft-bench-uploads';
export const KEY_PREFIX = 'incoming/';
const ROLE = 'arn:aws:iam::000000000000:role/statecraft-bench';
const CREDENTIALS = { accessKeyId: 'bench', secretAccessKey: 'bench' };

/** Keeps where the upload landed; a Pass state, so the execution ends at once and leaves the engine idle. */
const INGEST = JSON.stringify({
  StartAt: 'Ingest',
  States: { Ingest: { Type: 'Pass', Parameters: { 'bucket.$': '$.detail.bucket.name', 'key.$': '$.detail.object.key' }, End: true } },
});

export class WorkloadMismatch extends Error {}

export interface UploadSample {
  /** From just before the SDK sends PutObject until the triggered execution is RUNNING. */
  toRunningMs: number;
  /** From the same moment until PutObject's response has arrived. */
  roundTripMs: number;
  executionArn: string;
}

export interface UploadBench {
  runtime: LocalRuntime;
  server: RunningServer;
  stateMachineArn: string;
  /** Uploads `key` (under the rule's prefix) and resolves once its execution has ended and the bus is idle. */
  upload(key: string, body: Buffer): Promise<UploadSample>;
  /** Every RUNNING announcement of the bench machine so far, in order. */
  starts: readonly ExecutionStatusChange[];
  close(): Promise<void>;
}

export async function openUploadBench(dataDir: string): Promise<UploadBench> {
  const starts: ExecutionStatusChange[] = [];
  const runningAt = new Map<string, { at: bigint; change: ExecutionStatusChange }>();
  let stateMachineArn = '';
  const onExecutionStatusChange = (change: ExecutionStatusChange) => {
    if (change.status !== 'RUNNING' || change.stateMachineArn !== stateMachineArn) return;
    const at = process.hrtime.bigint();
    starts.push(change);
    runningAt.set(uploadedKey(change.input), { at, change });
  };
  const runtime = await createLocalRuntime({ registry, dataDir, bus: true, onExecutionStatusChange });
  const server = await createLocalEndpoint({ ...runtime, bus: runtime.bus! }, { host: '127.0.0.1', port: 0 });
  const client = { endpoint: server.url, region: runtime.engine.location.region, credentials: CREDENTIALS };
  const s3 = new S3Client({ ...client, forcePathStyle: true });
  const sfn = new SFNClient(client);
  const events = new EventBridgeClient(client);
  stateMachineArn = await deployTrigger(s3, sfn, events);

  const upload = async (key: string, body: Buffer): Promise<UploadSample> => {
    const { engine, bus } = runtime;
    const started = process.hrtime.bigint();
    await s3.send(new PutObjectCommand({ Bucket: BENCH_BUCKET, Key: key, Body: body }));
    const answered = process.hrtime.bigint();
    // Once the bus is idle the delivery has been attempted: no RUNNING by then means none is coming.
    await bus!.idle();
    const running = runningAt.get(key);
    if (!running) throw new WorkloadMismatch(`uploading ${key} started no execution of ${stateMachineArn}`);
    runningAt.delete(key);
    // Each upload starts from a quiet engine and bus, so one sample does not pay for the previous one.
    await engine.waitForExecution(running.change.executionArn);
    await bus!.idle();
    return { toRunningMs: Number(running.at - started) / 1e6, roundTripMs: Number(answered - started) / 1e6, executionArn: running.change.executionArn };
  };

  return {
    runtime,
    server,
    stateMachineArn,
    upload,
    starts,
    close: async () => {
      for (const sdk of [s3, sfn, events]) sdk.destroy();
      await server.close();
      await runtime.close();
    },
  };
}

async function deployTrigger(s3: S3Client, sfn: SFNClient, events: EventBridgeClient): Promise<string> {
  await s3.send(new CreateBucketCommand({ Bucket: BENCH_BUCKET }));
  await s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: BENCH_BUCKET, NotificationConfiguration: { EventBridgeConfiguration: {} } }));
  const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'bench-ingest', definition: INGEST, roleArn: ROLE, type: 'STANDARD' }));
  const pattern = { source: ['aws.s3'], 'detail-type': ['Object Created'], detail: { bucket: { name: [BENCH_BUCKET] }, object: { key: [{ prefix: KEY_PREFIX }] } } };
  await events.send(new PutRuleCommand({ Name: 'bench-ingest-uploads', EventPattern: JSON.stringify(pattern), State: 'ENABLED' }));
  await events.send(new PutTargetsCommand({ Rule: 'bench-ingest-uploads', Targets: [{ Id: 'ingest', Arn: stateMachineArn, RoleArn: ROLE }] }));
  return stateMachineArn!;
}

/** The key of the S3 event an execution was started with. */
function uploadedKey(input: string): string {
  return (JSON.parse(input) as { detail?: { object?: { key?: string } } }).detail?.object?.key ?? '';
}
