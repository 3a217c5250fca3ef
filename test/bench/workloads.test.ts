/**
 * The bench's workloads at toy sizes: the declared transition counts match the states statecraft
 * enters, and every engine computes the same output, so the bench's ratios compare like with like.
 * No timing is asserted.
 */
import { peer, statecraftExpress, statecraftStandard, type Engine } from '../../bench/engines';
import { sameOutput } from '../../bench/measure';
import { verifyTransitionCount } from '../../bench/transition-count';
import { inlineMap, jsonataChain, parallelFanOut, passChoiceLoop, type Workload } from '../../bench/workloads';

const workloads: Workload[] = [passChoiceLoop(22), inlineMap(7), parallelFanOut(3, 2, 2), jsonataChain(12)];

describe('bench workloads', () => {
  let engines: Engine[];

  beforeAll(async () => {
    engines = [statecraftExpress(), statecraftStandard(), await peer()];
  });

  afterAll(() => engines.forEach((e) => e.close()));

  test.each(workloads.map((w) => [w.name, w] as const))('%s: declared transitions are the states entered', async (_name, workload) => {
    await expect(verifyTransitionCount(workload)).resolves.toBeUndefined();
  });

  test('a wrong declared count is reported', async () => {
    await expect(verifyTransitionCount({ ...passChoiceLoop(22), transitionsPerExecution: 21 })).rejects.toThrow('statecraft entered 22 states');
  });

  test.each(workloads.map((w) => [w.name, w] as const))('%s: statecraft EXPRESS and STANDARD agree', async (_name, workload) => {
    const [express, standard] = engines;
    expect(await standard.run(workload.definition, workload.input)).toEqual(await express.run(workload.definition, workload.input));
  });

  test.each(workloads.filter((w) => !w.peerUnsupported).map((w) => [w.name, w] as const))('%s: the peer computes what statecraft computes', async (_name, workload) => {
    const [express, , peerEngine] = engines;
    const ours = await express.run(workload.definition, workload.input);
    expect(sameOutput(await peerEngine.run(workload.definition, workload.input), ours)).toBe(true);
  });

  test('the loop ends on its declared count', async () => {
    const loop = passChoiceLoop(22);
    expect(await engines[0].run(loop.definition, loop.input)).toEqual({ count: 10 });
  });

  test('the JSONata chain really evaluates its Assign expressions', async () => {
    const chain = jsonataChain(12);
    expect(await engines[0].run(chain.definition, chain.input)).toEqual({ count: 5, total: 0 + 1 + 2 + 3 + 4 });
  });
});
