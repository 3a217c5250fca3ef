/**
 * Succeed: ends its branch successfully with its (filtered) input.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-succeed.html
 */
import type { SucceedState } from '../../asl/definition';
import type { Json } from '../../asl/json';
import { passThroughOutput, type MaybePromise } from '../query';
import type { StateContext } from '../runtime';
import { then, type StateOutcome } from './outcome';

export function evaluateSucceed(state: SucceedState, input: Json, ctx: StateContext): MaybePromise<StateOutcome> {
  return then(passThroughOutput(ctx, state, input), (r) => ({ output: r.output, assigned: r.assigned, end: true }));
}
