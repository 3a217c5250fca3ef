/**
 * Wait: schedules a timer on the engine's clock (never sleeps the process) for a number of
 * seconds or until a timestamp.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html
 */
import type { WaitState } from '../../asl/definition';
import type { Json } from '../../asl/json';
import { queryEvaluationError, runtimeError } from '../../asl/errors';
import { evaluateJsonataTemplate, evaluateJsonataTimestamp } from '../jsonata';
import { applyInputPath, selectPath } from '../jsonpath';
import { MAX_WAIT_SECONDS } from '../limits';
import { jsonataBindings, passThroughOutput, pathScope } from '../query';
import type { StateContext } from '../runtime';
import type { StateOutcome } from './outcome';
import { instantMillis, parseTimestamp } from '../timestamps';

export async function evaluateWait(state: WaitState, input: Json, ctx: StateContext): Promise<StateOutcome> {
  const until = await wakeTime(state, input, ctx);
  if ((until - ctx.enteredTime) / 1000 > MAX_WAIT_SECONDS) throw runtimeError('Wait state delay is too long.');
  await ctx.rt.clock.sleepUntil(until, ctx.rt.signal);
  return { ...(await passThroughOutput(ctx, state, input)), next: state.Next, end: state.End };
}

async function wakeTime(state: WaitState, input: Json, ctx: StateContext): Promise<number> {
  const start = ctx.enteredTime;
  if (ctx.queryLanguage === 'JSONata') {
    const bindings = jsonataBindings(ctx, input);
    if (state.Seconds !== undefined) {
      const seconds = typeof state.Seconds === 'number' ? state.Seconds : await evaluateJsonataTemplate(state.Seconds, bindings, 'Seconds');
      if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
        throw queryEvaluationError(`The Seconds field must be a non-negative integer, but was: ${JSON.stringify(seconds)}`);
      }
      return start + seconds * 1000;
    }
    return evaluateJsonataTimestamp(state.Timestamp ?? null, bindings);
  }
  if (typeof state.Seconds === 'number') return start + state.Seconds * 1000;
  if (state.Timestamp !== undefined) {
    const at = waitTimestamp(state.Timestamp);
    if (at === undefined) throw runtimeError(`The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${state.Timestamp}`);
    return at;
  }
  const scope = pathScope(ctx, input);
  const effective = scope.withInput(applyInputPath(input, state.InputPath, scope));
  if (state.SecondsPath !== undefined) {
    const value = selectPath(state.SecondsPath, effective, 'SecondsPath');
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw runtimeError(`The SecondsPath parameter cannot be parsed as a long value: ${state.SecondsPath} == ${JSON.stringify(value)}`);
    }
    if (value < 0) throw runtimeError(`The SecondsPath parameter references a negative value: ${state.SecondsPath} == ${value}`);
    return start + value * 1000;
  }
  const value = selectPath(state.TimestampPath ?? '$', effective, 'TimestampPath');
  const at = typeof value === 'string' ? waitTimestamp(value) : undefined;
  if (at === undefined) {
    throw runtimeError(`The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${state.TimestampPath} == ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  return at;
}

function waitTimestamp(text: string): number | undefined {
  const instant = parseTimestamp(text, 'offset-date-time');
  return instant && instantMillis(instant);
}
