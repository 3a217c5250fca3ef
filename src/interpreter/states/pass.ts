/**
 * Pass: passes its input on, optionally injecting `Result` or reshaping with Parameters/Output.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-pass.html
 */
import type { PassState } from '../../asl/definition';
import type { Json } from '../../asl/json';
import { effectiveInput, passThroughOutput, stateOutput } from '../query';
import type { StateContext } from '../runtime';
import type { StateOutcome } from './outcome';

export async function evaluatePass(state: PassState, input: Json, ctx: StateContext): Promise<StateOutcome> {
  const transition = { next: state.Next, end: state.End };
  if (ctx.queryLanguage === 'JSONata') return { ...(await passThroughOutput(ctx, state, input)), ...transition };
  const result = state.Result !== undefined ? state.Result : await effectiveInput(ctx, state, input);
  return { ...(await stateOutput(ctx, state, input, result)), ...transition };
}
