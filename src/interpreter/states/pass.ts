/**
 * Pass: passes its input on, optionally injecting `Result` or reshaping with Parameters/Output.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-pass.html
 */
import type { PassState } from '../../asl/definition';
import type { Json } from '../../asl/json';
import { effectiveInput, passThroughOutput, stateOutput, type MaybePromise, type StateResult } from '../query';
import type { StateContext } from '../runtime';
import { then, type StateOutcome } from './outcome';

export function evaluatePass(state: PassState, input: Json, ctx: StateContext): MaybePromise<StateOutcome> {
  const toOutcome = (r: StateResult): StateOutcome => ({ output: r.output, assigned: r.assigned, next: state.Next, end: state.End });
  if (ctx.queryLanguage === 'JSONata') return then(passThroughOutput(ctx, state, input), toOutcome);
  if (state.Result !== undefined) return then(stateOutput(ctx, state, input, state.Result), toOutcome);
  return then(then(effectiveInput(ctx, state, input), (result) => stateOutput(ctx, state, input, result)), toOutcome);
}
