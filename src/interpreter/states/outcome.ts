import type { Json, JsonObject } from '../../asl/json';
import { StatesError } from '../../asl/errors';
import type { StateContext } from '../runtime';

/** What a state hands to its branch: its output, what it assigned, and where to go next. */
export interface StateOutcome {
  output: Json;
  assigned?: JsonObject;
  next?: string;
  end?: boolean;
}

/** Applies `f` now when `value` is ready, or once it resolves: keeps synchronous paths synchronous. */
export function then<T, U>(value: T | Promise<T>, f: (v: T) => U | Promise<U>): U | Promise<U> {
  return value instanceof Promise ? value.then(f) : f(value);
}

/** Adds AWS's "An error occurred while executing the state …" prefix where AWS puts it. */
export function qualify(err: StatesError, ctx: StateContext): StatesError {
  if (!err.prefixWithState) return err;
  const prefix = `An error occurred while executing the state '${ctx.stateName}' (entered at the event id #${ctx.enteredEventId}).`;
  return new StatesError(err.error, err.cause ? `${prefix} ${err.cause}` : prefix, false);
}
