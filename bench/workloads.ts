/**
 * The definitions both engines run. Each workload knows how many states an execution enters
 * (its "transitions"), computed from the definition and input so that both engines are counted
 * the same way; the bench checks the count once against statecraft's recorded history.
 */
import type { StateMachineDefinition } from '../src/asl/definition';
import type { Json } from '../src/asl/json';

export interface Workload {
  name: string;
  definition: StateMachineDefinition;
  input: Json;
  /** Executions per measured run: small machines are run many times to measure anything. */
  executionsPerRun: number;
  /** States entered by one execution, Map iterations and Parallel branches included. */
  transitionsPerExecution: number;
  /** False when the peer cannot run the workload faithfully; the reason is printed instead. */
  peerUnsupported?: string;
}

/** Init, then (Increment, Check) per loop, then Done: 2 + 2·iterations states. */
export function passChoiceLoop(transitions: number): Workload {
  const iterations = (transitions - 2) / 2;
  return {
    name: `Pass/Choice loop (${transitions.toLocaleString('en')} transitions, JSONPath)`,
    definition: {
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Result: { count: 0 }, Next: 'Increment' },
        Increment: { Type: 'Pass', Parameters: { 'count.$': 'States.MathAdd($.count, 1)' }, Next: 'Check' },
        Check: { Type: 'Choice', Choices: [{ Variable: '$.count', NumericLessThan: iterations, Next: 'Increment' }], Default: 'Done' },
        Done: { Type: 'Succeed' },
      },
    } as StateMachineDefinition,
    input: {},
    executionsPerRun: 1,
    transitionsPerExecution: 2 + 2 * iterations,
  };
}

/**
 * The Map state plus two Pass states per item. Items are objects because the peer treats a
 * falsy item (0) under '$' as a missing path. The Map passes its input on (ResultPath null): the
 * 10,000 results together would exceed Step Functions' 256 KiB state-output quota.
 */
export function inlineMap(items: number): Workload {
  return {
    name: `Map, ${items.toLocaleString('en')} items × 2 Pass (inline)`,
    definition: {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'INLINE' },
            StartAt: 'Shape',
            States: {
              Shape: { Type: 'Pass', Parameters: { 'value.$': '$.i', kind: 'item' }, Next: 'Tag' },
              Tag: { Type: 'Pass', Result: 'done', ResultPath: '$.status', End: true },
            },
          },
          ResultPath: null,
          End: true,
        },
      },
    } as StateMachineDefinition,
    input: { items: Array.from({ length: items }, (_, i) => ({ i })) },
    executionsPerRun: 1,
    transitionsPerExecution: 1 + 2 * items,
  };
}

/** The Parallel state plus every branch's states, per execution. */
export function parallelFanOut(branches: number, statesPerBranch: number, executions: number): Workload {
  const branch = (b: number) => {
    const states: Record<string, unknown> = {};
    for (let s = 0; s < statesPerBranch; s++) {
      const last = s === statesPerBranch - 1;
      states[`B${b}S${s}`] = { Type: 'Pass', Parameters: { 'branch': b, 'step': s, 'in.$': '$.seed' }, ResultPath: `$.r${s}`, ...(last ? { End: true } : { Next: `B${b}S${s + 1}` }) };
    }
    return { StartAt: `B${b}S0`, States: states };
  };
  return {
    name: `Parallel, ${branches} branches × ${statesPerBranch} Pass (${executions} executions)`,
    definition: {
      StartAt: 'FanOut',
      States: { FanOut: { Type: 'Parallel', Branches: Array.from({ length: branches }, (_, b) => branch(b)), End: true } },
    } as StateMachineDefinition,
    input: { seed: 'x' },
    executionsPerRun: executions,
    transitionsPerExecution: 1 + branches * statesPerBranch,
  };
}

/** JSONata loop: Init, then (Step, Check) per iteration, then Done; Step assigns and shapes output. */
export function jsonataChain(transitions: number): Workload {
  const iterations = (transitions - 2) / 2;
  return {
    name: `JSONata chain (${transitions.toLocaleString('en')} transitions, Assign + Output)`,
    definition: {
      QueryLanguage: 'JSONata',
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Assign: { count: 0, total: 0 }, Output: { seed: '{% $states.input.seed %}' }, Next: 'Step' },
        Step: {
          Type: 'Pass',
          Assign: { count: '{% $count + 1 %}', total: '{% $total + $count %}' },
          Output: '{% { "seed": $states.input.seed, "count": $count + 1, "squares": $map([1, 2, 3], function($v) { $v * $v }) } %}',
          Next: 'Check',
        },
        Check: { Type: 'Choice', Choices: [{ Condition: `{% $count < ${iterations} %}`, Next: 'Step' }], Default: 'Done' },
        Done: { Type: 'Pass', Output: '{% { "count": $count, "total": $total } %}', End: true },
      },
    } as StateMachineDefinition,
    input: { seed: 'x' },
    executionsPerRun: 1,
    transitionsPerExecution: 2 + 2 * iterations,
    peerUnsupported: 'aws-local-stepfunctions v3 has no JSONata: it ignores QueryLanguage and passes Output expressions through unevaluated',
  };
}
