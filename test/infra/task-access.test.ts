/**
 * The shipped access table against what the handlers really do: kfold-cv runs in-process with each
 * task confined to the objects its declaration grants, as its IAM role will confine it, so a
 * handler that reaches outside its declaration fails here instead of with AccessDenied on AWS.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Json } from '../../src/asl/json';
import { WallClock } from '../../src/clock/clock';
import { runExecution } from '../../src/interpreter/execution';
import { MemoryHistorySink } from '../../src/interpreter/history/sink';
import { S3Error } from '../../src/objects/errors';
import { HandlerLambdaInvoker } from '../../src/host/handler-invoker';
import { taskHandlers } from '../../src/host/local-runtime';
import { objectGrants, readsObjects, writesObjects, type ObjectAccess } from '../../src/services/access';
import { taskAccess } from '../../infra/task-access';
import type { AnyTaskHandler } from '../../src/services/task-handler';
import { MODEL_REGISTRY_PREFIX, ObjectStoreModelRegistry } from '../../src/services/model-registry';
import type { HandlerServices, ObjectRef, ObjectService } from '../../src/services/services';
import { DATA_BUCKET } from '../../workflows/data-bucket';
import { registry } from '../../workflows/registry';
import { inlineCompute, MemoryObjects } from '../workflows/kfold-cv/tasks/fake-services';

/** What S3 allows a role holding `grants`; every refusal is recorded with the task that tried. */
class ConfinedObjects implements ObjectService {
  constructor(
    private readonly inner: ObjectService,
    private readonly grants: readonly ObjectAccess[],
    private readonly task: string,
    private readonly refusals: string[],
  ) {}

  getText(ref: ObjectRef): Promise<string> {
    return this.allowed('GetObject', ref, readsObjects).then(() => this.inner.getText(ref));
  }

  getBytes(ref: ObjectRef): Promise<Buffer> {
    return this.allowed('GetObject', ref, readsObjects).then(() => this.inner.getBytes(ref));
  }

  etag(ref: ObjectRef): Promise<string> {
    return this.allowed('HeadObject', ref, readsObjects).then(() => this.inner.etag(ref));
  }

  putText(ref: ObjectRef, text: string, contentType?: string): Promise<void> {
    return this.allowed('PutObject', ref, writesObjects).then(() => this.inner.putText(ref, text, contentType));
  }

  /** ListBucket is granted on a prefix condition, so the listing's prefix must lie under a readable grant. */
  listKeys(bucket: string, prefix: string): Promise<string[]> {
    return this.allowed('ListObjectsV2', { bucket, key: prefix }, readsObjects).then(() => this.inner.listKeys(bucket, prefix));
  }

  private async allowed(operation: string, ref: ObjectRef, permits: (mode: ObjectAccess['access']) => boolean): Promise<void> {
    if (this.grants.some((grant) => grant.bucket === ref.bucket && ref.key.startsWith(grant.prefix) && permits(grant.access))) return;
    this.refusals.push(`${this.task}: ${operation} ${ref.bucket}/${ref.key}`);
    throw new S3Error('AccessDenied', 'Access Denied', `/${ref.bucket}/${ref.key}`);
  }
}

function confined(handler: AnyTaskHandler, store: ObjectService, refusals: string[]): AnyTaskHandler {
  const access = taskAccess[handler.task.name] ?? {};
  const objects = new ConfinedObjects(store, objectGrants(access, { bucket: DATA_BUCKET, prefix: MODEL_REGISTRY_PREFIX }), handler.task.name, refusals);
  return {
    task: handler.task,
    run: (input, services: HandlerServices) => handler.run(input, { ...services, objects, models: new ObjectStoreModelRegistry(objects, DATA_BUCKET, services.clock) }),
  };
}

test('kfold-cv runs to a registered model with every task confined to its declared objects', async () => {
  const store = new MemoryObjects();
  await store.putText({ bucket: DATA_BUCKET, key: 'datasets/kfold/iris.csv' }, readFileSync(join(__dirname, '../../../shared/data/iris/iris.csv'), 'utf8'));
  const refusals: string[] = [];
  const clock = new WallClock();
  const taskClock = { now: () => new Date(clock.now()) };
  const services: HandlerServices = { objects: store, models: new ObjectStoreModelRegistry(store, DATA_BUCKET, taskClock), clock: taskClock, compute: inlineCompute };
  const entry = registry.find('kfold-cv')!;
  const arn = 'arn:aws:states:us-east-1:000000000000';
  const input = { dataset: { bucket: DATA_BUCKET, key: 'datasets/kfold/iris.csv' }, k: 3, search: { method: 'list', candidates: [{ C: 1, kernel: 'linear', gamma: 'scale' }] } };

  const result = await runExecution({
    info: {
      executionArn: `${arn}:execution:kfold-cv:access`,
      name: 'access',
      stateMachineArn: `${arn}:stateMachine:kfold-cv`,
      stateMachineName: 'kfold-cv',
      roleArn: 'arn:aws:iam::000000000000:role/kfold-cv',
      input: input as Json,
      startTime: clock.now(),
      redriveCount: 0,
      region: 'us-east-1',
      account: '000000000000',
      type: 'STANDARD',
    },
    definition: entry.workflow.definition(),
    clock,
    sink: new MemoryHistorySink(),
    services: {
      lambda: new HandlerLambdaInvoker(taskHandlers.map((handler) => confined(handler, store, refusals)), services),
      events: { putEvents: async (entries) => ({ Entries: entries.map((_, index) => ({ EventId: `event-${index}` })), FailedEntryCount: 0 }) },
    },
  });

  expect(refusals).toEqual([]);
  expect(result).toMatchObject({ status: 'SUCCEEDED', output: { status: 'Registered' } });
});
