/** registerLocally puts every workflow and bucket of the registry into a local engine, idempotently. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../src/control/engine';
import { ObjectStore } from '../../src/objects';
import { registerLocally, stateMachineArn } from '../../src/host';
import { registry } from '../../workflows/registry';

let dir: string;
let objects: ObjectStore;
let engine: Engine;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-register-'));
  objects = await ObjectStore.open({ dataDir: dir });
  engine = new Engine({ lambda: { invoke: () => Promise.reject(new Error('not invoked')) }, objects });
});
afterEach(() => {
  engine.close();
  objects.close();
  rmSync(dir, { recursive: true, force: true });
});

test('creates one state machine per workflow with its rendered ASL', () => {
  registerLocally(engine, objects, registry);
  for (const entry of registry.workflows) {
    const described = engine.describeStateMachine({ stateMachineArn: stateMachineArn(engine, entry.name) });
    expect(JSON.parse(described.definition!)).toEqual(entry.workflow.definition({ stateMachineArn: (name) => stateMachineArn(engine, name) }));
  }
});

test('creates the buckets with their EventBridge notification setting', () => {
  registerLocally(engine, objects, registry);
  for (const bucket of registry.buckets) expect(objects.getEventBridgeNotifications(bucket.name)).toBe(bucket.eventBridge);
});

test('returns every rule with the ARN of the state machine it starts', () => {
  const rules = registerLocally(engine, objects, registry);
  expect(rules.map((rule) => rule.name)).toEqual(registry.workflows.flatMap((entry) => entry.rules.map((rule) => rule.name)));
  for (const rule of rules) expect(rule.targetArn).toBe(stateMachineArn(engine, rule.target.workflow));
});

test('registering again updates in place instead of failing', () => {
  registerLocally(engine, objects, registry);
  expect(() => registerLocally(engine, objects, registry)).not.toThrow();
  expect(engine.listStateMachines().stateMachines).toHaveLength(registry.workflows.length);
});
