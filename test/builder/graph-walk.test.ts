import { Type } from '@sinclair/typebox';
import { defineWorkflow } from '../../src/builder';
import { graphsOf, nodesOf } from '../../src/builder/graph-walk';

describe('graphsOf and nodesOf', () => {
  const workflow = defineWorkflow({ name: 'nested', input: Type.Object({ items: Type.Array(Type.Number()) }) }, (start) =>
    start
      .parallel('Both', {
        branches: [
          (b) => b.map('Inner', { items: (s) => s.input.items, processor: (p) => p.pass('InnerItem').end() }).end(),
          (b) => b.succeed('Right'),
        ],
      })
      .map('Outer', { items: () => [1, 2], processor: (p) => p.succeed('OuterItem') })
      .succeed('Done'),
  );

  test('visits the workflow, then each branch and processor depth-first, naming each scope', () => {
    expect([...graphsOf(workflow.graph, 'workflow nested')].map(({ where, graph }) => [where, [...graph.nodes.keys()]])).toEqual([
      ['workflow nested', ['Both', 'Outer', 'Done']],
      ['Parallel "Both" branch 0', ['Inner']],
      ['Map "Inner" processor', ['InnerItem']],
      ['Parallel "Both" branch 1', ['Right']],
      ['Map "Outer" processor', ['OuterItem']],
    ]);
  });

  test('nodesOf yields every state once', () => {
    expect([...nodesOf(workflow.graph)].map((node) => node.name)).toEqual(['Both', 'Outer', 'Done', 'Inner', 'InnerItem', 'Right', 'OuterItem']);
  });
});
