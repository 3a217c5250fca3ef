/**
 * Runs a sequence of states — the whole machine, a Parallel branch or a Map iteration — from
 * StartAt until a state ends it, recording Entered/Exited events around each state.
 */
import type { QueryLanguage, State, SubMachine } from '../asl/definition';
import type { Json, JsonObject } from '../asl/json';
import { StatesError, StatesErrors, runtimeError } from '../asl/errors';
import { evaluateState } from './dispatcher';
import { dataDetails } from './history/recorder';
import { checkStateOutput } from './payload-limit';
import type { ExecutionRuntime, Frame, StateContext } from './runtime';
import { recordEvaluationFailure } from './states/evaluation-failure';
import { qualify, type StateOutcome } from './states/outcome';

/** Synchronous states run back to back; every so often the branch yields so others get a turn. */
const STATES_BETWEEN_YIELDS = 256;

export async function runBranch(rt: ExecutionRuntime, machine: SubMachine, input: Json, frame: Frame): Promise<Json> {
  let name = machine.StartAt;
  let value = input;
  let sinceYield = 0;
  for (;;) {
    const state = machine.States[name];
    if (!state) throw runtimeError(`The state '${name}' does not exist.`);
    let outcome = runState(rt, name, state, value, frame);
    if (outcome instanceof Promise) {
      outcome = await outcome;
      sinceYield = 0;
    } else if (++sinceYield >= STATES_BETWEEN_YIELDS) {
      await new Promise((resolve) => setImmediate(resolve));
      sinceYield = 0;
    }
    if (outcome.end || outcome.next === undefined) return outcome.output;
    name = outcome.next;
    value = outcome.output;
  }
}

interface ExitMeta {
  next?: string;
  assigned?: JsonObject;
}

function runState(rt: ExecutionRuntime, name: string, state: State, input: Json, frame: Frame): StateOutcome | Promise<StateOutcome> {
  if (rt.signal.aborted) throw rt.signal.reason;
  const key = frame.nextStepKey();
  const exited = rt.recorder.replaying ? rt.recorder.replayed(`${key}:x`) : undefined;
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
  let outcome: StateOutcome | Promise<StateOutcome>;
  try {
    outcome = evaluateState(state, input, ctx);
  } catch (err) {
    throw stateFailure(err, ctx, state);
  }
  if (outcome instanceof Promise) {
    return outcome.then(
      (done) => exitState(ctx, state, done),
      (err: unknown) => {
        throw stateFailure(err, ctx, state);
      },
    );
  }
  return exitState(ctx, state, outcome);
}

/** The state types that can still be running when their branch is stopped. */
const ABORTABLE = new Set<State['Type']>(['Task', 'Wait', 'Map', 'Parallel']);

function stateFailure(err: unknown, ctx: StateContext, state: State): unknown {
  if (!(err instanceof StatesError)) return err;
  if (ctx.frame.recordsAbortedStates && ABORTABLE.has(state.Type)) recordAborted(ctx, state);
  const qualified = qualify(err, ctx);
  // A Wait evaluates its fields once entered, so its EvaluationFailed follows the Entered event;
  // the other states evaluate theirs as they enter and link past it.
  const linkTo = state.Type === 'Wait' ? ctx.enteredEventId : ctx.enteredPreviousEventId;
  if (qualified.error === StatesErrors.QueryEvaluationError) recordEvaluationFailure(ctx, qualified, linkTo);
  return qualified;
}

function recordAborted(ctx: StateContext, state: State): void {
  const ev = ctx.rt.recorder.emit(`${ctx.stepKey}:a`, `${state.Type}StateAborted`, ctx.frame.lastEventId);
  ctx.frame.lastEventId = ev.id;
}

function exitState(ctx: StateContext, state: State, outcome: StateOutcome): StateOutcome {
  const { rt, frame, stepKey: key, stateName: name } = ctx;
  checkStateOutput(name, outcome.output);
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
  const output = (details?.output ?? null) as Json;
  return { output, next: meta.next, end: meta.next === undefined };
}

function effectiveLanguage(state: State, inherited: QueryLanguage): QueryLanguage {
  return state.QueryLanguage ?? inherited;
}

function assignedDetails(assigned: JsonObject | undefined): Record<string, unknown> {
  // AWS shows no assignedVariables at all for an empty Assign.
  if (!assigned || Object.keys(assigned).length === 0) return {};
  const variables: Record<string, string> = {};
  for (const k in assigned) variables[k] = JSON.stringify(assigned[k]);
  return { assignedVariables: variables, assignedVariablesDetails: { truncated: false } };
}
