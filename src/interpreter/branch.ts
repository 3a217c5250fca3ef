/**
 * Runs a sequence of states — the whole machine, a Parallel branch or a Map iteration — from
 * StartAt until a state ends it, recording Entered/Exited events around each state.
 */
import type { QueryLanguage, State, SubMachine } from '../asl/definition';
import type { Json, JsonObject } from '../asl/json';
import { StatesError, StatesErrors, runtimeError } from '../asl/errors';
import { evaluateState } from './dispatcher';
import { dataDetails } from './history/recorder';
import type { ExecutionRuntime, Frame, StateContext } from './runtime';
import { recordEvaluationFailure } from './states/evaluation-failure';
import { qualify, type StateOutcome } from './states/outcome';

export async function runBranch(rt: ExecutionRuntime, machine: SubMachine, input: Json, frame: Frame): Promise<Json> {
  let name = machine.StartAt;
  let value = input;
  for (;;) {
    const state = machine.States[name];
    if (!state) throw runtimeError(`The state '${name}' does not exist.`);
    const outcome = await runState(rt, name, state, value, frame);
    if (outcome.end || outcome.next === undefined) return outcome.output;
    name = outcome.next;
    value = outcome.output;
  }
}

interface ExitMeta {
  next?: string;
  assigned?: JsonObject;
}

async function runState(rt: ExecutionRuntime, name: string, state: State, input: Json, frame: Frame): Promise<StateOutcome> {
  if (rt.signal.aborted) throw rt.signal.reason;
  const key = frame.nextStepKey();
  const exited = rt.recorder.replayed(`${key}:x`);
  if (exited) return replayExit(exited.id, exited.details, exited.meta as ExitMeta, frame);

  const entered = rt.recorder.emit(`${key}:e`, `${state.Type}StateEntered`, frame.lastEventId, () => ({ name, ...dataDetails('input', input) }));
  frame.lastEventId = entered.id;
  const ctx: StateContext = {
    rt,
    frame,
    stateName: name,
    stepKey: key,
    enteredEventId: entered.id,
    enteredPreviousEventId: entered.previousEventId,
    enteredTime: entered.timestamp,
    queryLanguage: effectiveLanguage(state, frame.queryLanguage),
  };
  let outcome: StateOutcome;
  try {
    outcome = await evaluateState(state, input, ctx);
  } catch (err) {
    if (!(err instanceof StatesError)) throw err;
    const qualified = qualify(err, ctx);
    if (qualified.error === StatesErrors.QueryEvaluationError) recordEvaluationFailure(ctx, qualified);
    throw qualified;
  }
  if (outcome.assigned) frame.assign(outcome.assigned);
  const next = outcome.end ? undefined : outcome.next;
  const exit = rt.recorder.emit(
    `${key}:x`,
    `${state.Type}StateExited`,
    frame.lastEventId,
    () => ({ name, ...dataDetails('output', outcome.output), ...assignedDetails(outcome.assigned) }),
    { next, assigned: outcome.assigned } satisfies ExitMeta,
  );
  frame.lastEventId = exit.id;
  return { output: outcome.output, next, end: next === undefined };
}

function replayExit(id: number, details: Record<string, unknown> | undefined, meta: ExitMeta, frame: Frame): StateOutcome {
  frame.lastEventId = id;
  if (meta.assigned) frame.assign(meta.assigned);
  const output = JSON.parse(String(details?.output ?? 'null')) as Json;
  return { output, next: meta.next, end: meta.next === undefined };
}

function effectiveLanguage(state: State, inherited: QueryLanguage): QueryLanguage {
  return state.QueryLanguage ?? inherited;
}

function assignedDetails(assigned: JsonObject | undefined): Record<string, unknown> {
  if (!assigned) return {};
  const variables: Record<string, string> = {};
  for (const k in assigned) variables[k] = JSON.stringify(assigned[k]);
  return { assignedVariables: variables, assignedVariablesDetails: { truncated: false } };
}
