/**
 * JSONata failures get an EvaluationFailed event naming the state and the field, as on AWS.
 * It links to `previousEventId`: for most states past the state's Entered event, to the event before it.
 */
import type { StatesError } from '../../asl/errors';
import type { StateContext } from '../runtime';

const recorded = new WeakSet<StatesError>();

export function recordEvaluationFailure(ctx: StateContext, err: StatesError, previousEventId = ctx.enteredPreviousEventId): void {
  if (recorded.has(err)) return;
  recorded.add(err);
  const location = /specified for the field '([^']+)'/.exec(err.cause ?? '')?.[1] ?? /\)\. The (\w+) field /.exec(err.cause ?? '')?.[1];
  const ev = ctx.rt.recorder.emit(`${ctx.stepKey}:f`, 'EvaluationFailed', previousEventId, () => ({
    cause: err.cause,
    error: err.error,
    ...(location ? { location } : {}),
    state: ctx.stateName,
  }));
  ctx.frame.lastEventId = ev.id;
}
