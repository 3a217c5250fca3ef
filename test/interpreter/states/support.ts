/** One-state machines for the per-state tests. */
import type { StateMachineDefinition } from '../../../src/asl/definition';
import type { JsonObject } from '../../../src/asl/json';

/** A machine whose only state is `state` (named S), ending the execution. */
export function single(state: JsonObject, extra: JsonObject = {}): StateMachineDefinition {
  const terminal = state.Type === 'Choice' || state.Type === 'Succeed' || state.Type === 'Fail';
  return { StartAt: 'S', States: { S: terminal ? state : { End: true, ...state } }, ...extra } as unknown as StateMachineDefinition;
}
