/**
 * Succeed: ends its branch successfully with its (filtered) input.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-succeed.html
 */
import type { SucceedState } from '../../asl/definition';
import type { Json } from '../../asl/json';
import { passThroughOutput } from '../query';
import type { StateContext } from '../runtime';
import type { StateOutcome } from './outcome';

export async function evaluateSucceed(state: SucceedState, input: Json, ctx: StateContext): Promise<StateOutcome> {
  return { ...(await passThroughOutput(ctx, state, input)), end: true };
}
