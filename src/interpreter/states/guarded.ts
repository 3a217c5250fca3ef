/**
 * Retry and Catch around the work of a Task, Map or Parallel state, then its output processing.
 */
import type { Catcher, Retrier } from '../../asl/definition';
import type { Json, JsonObject } from '../../asl/json';
import { StatesError } from '../../asl/errors';
import { findCatcher, findRetrier, retryDelayMs } from '../error-handling';
import { catcherOutput, stateOutput, type DataFlowFields } from '../query';
import type { StateContext } from '../runtime';
import type { StateOutcome } from './outcome';
import { qualify } from './outcome';

interface Guarded extends DataFlowFields {
  Retry?: Retrier[];
  Catch?: Catcher[];
  Next?: string;
  End?: boolean;
}

export async function withRetryAndCatch(
  ctx: StateContext,
  state: Guarded,
  rawInput: Json,
  attempt: (attemptNumber: number) => Promise<Json>,
  /** Called once when an error will not be retried (Map/Parallel record their Failed event then). */
  onFinalFailure?: () => void,
): Promise<StateOutcome> {
  const retriesUsed = new Map<number, number>();
  for (let attemptNumber = 0; ; attemptNumber++) {
    let result: Json;
    try {
      result = await attempt(attemptNumber);
    } catch (thrown) {
      if (!(thrown instanceof StatesError)) throw thrown;
      const err = qualify(thrown, ctx);
      const index = findRetrier(state.Retry, err.error);
      if (index >= 0) {
        const used = retriesUsed.get(index) ?? 0;
        const delay = retryDelayMs(state.Retry![index], used, () => ctx.rt.random());
        if (delay !== undefined) {
          retriesUsed.set(index, used + 1);
          await ctx.rt.clock.sleepUntil(retryWakeTime(ctx, attemptNumber, delay), ctx.rt.signal);
          continue;
        }
      }
      onFinalFailure?.();
      const catcher = findCatcher(state.Catch, err.error);
      if (!catcher) throw err;
      const errorOutput: JsonObject = { Error: err.error, Cause: err.cause ?? '' };
      if (err.cause === undefined) delete errorOutput.Cause;
      const caught = await catcherOutput(ctx, catcher, rawInput, errorOutput);
      return { ...caught, next: catcher.Next };
    }
    // Failures while shaping the output (ResultSelector, ResultPath, OutputPath) are not retried or caught.
    return { ...(await stateOutput(ctx, state, rawInput, result)), next: state.Next, end: state.End };
  }
}

/**
 * The retry fires `delay` after the failure. After a restart the failure's recorded time is used,
 * so a resumed execution does not wait the whole interval again.
 */
function retryWakeTime(ctx: StateContext, attemptNumber: number, delay: number): number {
  const failed = ctx.rt.recorder.replayed(`${ctx.stepKey}:t${attemptNumber}:d`);
  return (failed ? failed.timestamp : ctx.rt.clock.now()) + delay;
}
