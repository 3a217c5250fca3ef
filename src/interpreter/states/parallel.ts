/**
 * Parallel: runs every branch on the same input; the result is the array of branch outputs.
 * The first failing branch stops the others and fails the state.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-parallel.html
 */
import type { ParallelState } from '../../asl/definition';
import type { Json } from '../../asl/json';
import { runBranch } from '../branch';
import { rememberText, rememberedText } from '../history/raw-text';
import { effectiveInput } from '../query';
import { Frame, type StateContext } from '../runtime';
import { childRuntime } from './child-runtime';
import { withRetryAndCatch } from './guarded';
import type { StateOutcome } from './outcome';

export async function evaluateParallel(state: ParallelState, input: Json, ctx: StateContext): Promise<StateOutcome> {
  let failedAttemptKey = `${ctx.stepKey}:p`;
  return withRetryAndCatch(ctx, state, input, async (attempt) => {
    const { rt, frame } = ctx;
    const key = `${ctx.stepKey}:p${attempt}`;
    const branchInput = await effectiveInput(ctx, state, input);
    const started = rt.recorder.emit(`${key}:s`, 'ParallelStateStarted', frame.lastEventId);
    frame.lastEventId = started.id;
    const child = childRuntime(rt);
    const frames = state.Branches.map((_, b) => {
      const branchFrame = new Frame(`${key}{${b}}`, started.id, Object.create(frame.variables) as Record<string, Json>, frame.queryLanguage);
      branchFrame.recordsAbortedStates = true;
      return branchFrame;
    });
    try {
      const results = await Promise.all(state.Branches.map((branch, b) => child.guard(runBranch(child.rt, branch, branchInput, frames[b]))));
      rememberJoinedText(results);
      // The Exited event links to the same event as ParallelStateSucceeded: the last branch event.
      const last = Math.max(...frames.map((f) => f.lastEventId));
      rt.recorder.emit(`${key}:d`, 'ParallelStateSucceeded', last);
      frame.lastEventId = last;
      return results;
    } catch (err) {
      child.abort(err);
      await child.settled();
      frame.lastEventId = Math.max(...frames.map((f) => f.lastEventId));
      failedAttemptKey = key;
      throw err;
    }
  }, () => {
    // Only a failure that is not retried is recorded as ParallelStateFailed.
    const failed = ctx.rt.recorder.emit(`${failedAttemptKey}:d`, 'ParallelStateFailed', ctx.frame.lastEventId);
    ctx.frame.lastEventId = failed.id;
  });
}

/** AWS joins the branches' output texts into the array's text, so a branch that passed its input on keeps its spacing. */
function rememberJoinedText(results: Json[]): void {
  if (!results.some((r) => rememberedText(r) !== undefined)) return;
  rememberText(results, `[${results.map((r) => rememberedText(r) ?? JSON.stringify(r)).join(',')}]`);
}
