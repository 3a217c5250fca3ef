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

/** Adds AWS's "An error occurred while executing the state …" prefix where AWS puts it. */
export function qualify(err: StatesError, ctx: StateContext): StatesError {
  if (!err.prefixWithState) return err;
  const prefix = `An error occurred while executing the state '${ctx.stateName}' (entered at the event id #${ctx.enteredEventId}).`;
  return new StatesError(err.error, err.cause ? `${prefix} ${err.cause}` : prefix, false);
}
