import { StateGraph } from '../../src/builder/graph';
import type { StateConfig } from '../../src/builder/state-config';

const pass: StateConfig = { type: 'Pass' };
const succeed: StateConfig = { type: 'Succeed' };

describe('StateGraph', () => {
  test.each([
    ['', 'state name "" must be 1 to 80 characters'],
    ['x'.repeat(81), `state name "${'x'.repeat(81)}" must be 1 to 80 characters`],
  ])('refuses the name %p', (name, message) => {
    expect(() => new StateGraph().add(name, pass)).toThrow(message);
  });

  test('accepts an 80-character name', () => {
    expect(new StateGraph().add('x'.repeat(80), pass).name).toHaveLength(80);
  });

  test('names are unique across nested scopes of one workflow, not across workflows', () => {
    const root = new StateGraph();
    root.add('A', pass);
    const child = root.child();
    expect(() => child.add('A', pass)).toThrow('state name "A" is used twice; ASL state names are unique within a state machine');
    child.add('B', pass);
    expect(() => root.add('B', pass)).toThrow('state name "B" is used twice');
    expect(() => new StateGraph().add('A', pass)).not.toThrow();
    expect([...child.nodes.keys()]).toEqual(['B']);
  });

  test('a complete scope has no problems', () => {
    const graph = new StateGraph();
    graph.startAt = 'A';
    graph.add('A', pass).next = 'B';
    graph.references.add('B');
    graph.add('B', succeed);
    expect(graph.problems('workflow w')).toEqual([]);
  });

  test('lists every problem of an incomplete scope', () => {
    const graph = new StateGraph();
    graph.add('Dangling', pass);
    graph.add('Ends', pass).end = true;
    graph.add('Chooses', { type: 'Choice', rules: [] });
    graph.add('Fails', { type: 'Fail' });
    graph.references.add('Elsewhere');
    expect(graph.problems('workflow w')).toEqual([
      'workflow w has no states',
      'workflow w: state "Dangling" has neither a next state nor an end',
      'workflow w transitions to "Elsewhere", which is not a state of that scope',
    ]);
  });
});
