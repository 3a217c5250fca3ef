/**
 * Confinement: every host hands a task only the services its access declaration grants, and the
 * object and event services refuse what lies outside the grants, as the IAM role derived from the
 * same declaration refuses it on AWS.
 */
import { Type } from '@sinclair/typebox';
import { defineTask } from '../../src/builder';
import { AccessDenied } from '../../src/services';
import { confineServices } from '../../src/services/confine';
import { invokeTask } from '../../src/services/invoke-task';
import { fakeServices } from '../workflows/kfold-cv/tasks/fake-services';

const registry = { bucket: 'data', prefix: 'model-registry/' };
const ref = (bucket: string, key: string) => ({ bucket, key });

describe('objects', () => {
  const services = fakeServices();
  const objects = confineServices('t', { objects: [{ bucket: 'data', prefix: 'in/', access: 'read' }, { bucket: 'data', prefix: 'out/', access: 'write' }] }, services, registry).objects!;
  beforeAll(() => services.objects.putText(ref('data', 'in/a.csv'), 'a'));

  test.each([
    ['reads under a read grant', () => objects.getText(ref('data', 'in/a.csv')), undefined],
    ['lists under a read grant', () => objects.listKeys('data', 'in/'), undefined],
    ['writes under a write grant', () => objects.putText(ref('data', 'out/b.json'), '{}'), undefined],
    ['refuses a read under a write-only grant', () => objects.getText(ref('data', 'out/b.json')), 'GetObject'],
    ['refuses a write under a read-only grant', () => objects.putText(ref('data', 'in/x'), ''), 'PutObject'],
    ['refuses a key outside every grant', () => objects.getBytes(ref('data', 'model-registry/m/v000001.json')), 'GetObject'],
    ['refuses another bucket', () => objects.getText(ref('other', 'in/a.csv')), 'GetObject'],
    ['refuses a listing wider than a grant', () => objects.listKeys('data', ''), 'ListObjectsV2'],
    ['refuses a local copy outside the grants', () => objects.withLocalFile(ref('data', 'x/y'), async () => 0), 'GetObject'],
  ] as const)('%s', async (_name, call, refused) => {
    if (refused === undefined) await expect(call()).resolves.not.toThrow();
    else await expect(call()).rejects.toMatchObject({ name: 'AccessDenied', message: expect.stringContaining(refused) });
  });
});

test('a task receives only the services it declares', () => {
  const given = confineServices('t', { modelRegistry: true }, fakeServices(), registry);
  expect(Object.keys(given).sort()).toEqual(['clock', 'compute', 'models', 'random']);
  const all = confineServices('t', { objects: [{ bucket: 'data', prefix: '', access: 'read' }], lakeQueries: true, catalogUpdates: true, eventSources: ['s'], modelRegistry: true }, fakeServices(), registry);
  expect(Object.keys(all).sort()).toEqual(['catalog', 'clock', 'compute', 'events', 'lake', 'models', 'objects', 'random']);
});

test('catalog updates: only partitions of the tables a task names; a call naming another table registers nothing', async () => {
  const addPartitions = jest.fn(async () => undefined);
  const services = { ...fakeServices(), catalog: { addPartitions } };
  const { catalog } = confineServices('t', { catalogUpdates: true, lakeTables: ['prices'] }, services, registry);
  await expect(catalog!.addPartitions([{ table: 'prices', values: ['NP'], location: 's3://data/lake/prices/market=NP/' }])).resolves.toBeUndefined();
  await expect(catalog!.addPartitions([{ table: 'prices', values: ['NP'], location: 's3://data/lake/prices/market=NP/' }, { table: 'forecasts', values: ['NP'], location: 's3://data/lake/forecasts/market=NP/' }])).rejects.toMatchObject({ name: 'AccessDenied', message: expect.stringContaining('forecasts') });
  expect(addPartitions).toHaveBeenCalledTimes(1);
});

test('events: only the declared sources may be put', async () => {
  const services = { ...fakeServices(), events: { put: async () => 'event-1' } };
  const { events } = confineServices('t', { eventSources: ['statecraft.mine'] }, services, registry);
  await expect(events!.put({ source: 'statecraft.mine', detailType: 'Done', detail: {} })).resolves.toBe('event-1');
  await expect(events!.put({ source: 'statecraft.other', detailType: 'Done', detail: {} })).rejects.toBeInstanceOf(AccessDenied);
});

test('invokeTask confines by default: a handler that reaches beyond its declaration fails with AccessDenied', async () => {
  const Sneaky = defineTask({
    name: 'sneaky',
    input: Type.Object({}),
    output: Type.Object({}),
    access: { objects: [{ bucket: 'data', prefix: 'mine/', access: 'read-write' }] },
    run: async (_input, { objects }) => {
      await objects.putText(ref('data', 'theirs/x.json'), '{}');
      return {};
    },
  });
  await expect(invokeTask(Sneaky, {}, fakeServices(), registry)).rejects.toMatchObject({ name: 'AccessDenied', message: expect.stringContaining('sneaky') });
});
