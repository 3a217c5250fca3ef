/**
 * The only code that knows every state type: maps a state to its evaluate function.
 */
import type { State } from '../asl/definition';
import type { Json } from '../asl/json';
import type { MaybePromise } from './query';
import type { StateContext } from './runtime';
import type { StateOutcome } from './states/outcome';
import { evaluateChoice } from './states/choice';
import { failureOf } from './states/fail';
import { evaluateMap } from './states/map';
import { evaluateParallel } from './states/parallel';
import { evaluatePass } from './states/pass';
import { evaluateSucceed } from './states/succeed';
import { evaluateTask } from './states/task';
import { evaluateWait } from './states/wait';

export function evaluateState(state: State, input: Json, ctx: StateContext): MaybePromise<StateOutcome> {
  switch (state.Type) {
    case 'Pass':
      return evaluatePass(state, input, ctx);
    case 'Task':
      return evaluateTask(state, input, ctx);
    case 'Choice':
      return evaluateChoice(state, input, ctx);
    case 'Wait':
      return evaluateWait(state, input, ctx);
    case 'Succeed':
      return evaluateSucceed(state, input, ctx);
    case 'Fail':
      return failureOf(state, input, ctx).then((err) => Promise.reject(err));
    case 'Parallel':
      return evaluateParallel(state, input, ctx);
    case 'Map':
      return evaluateMap(state, input, ctx);
  }
}
