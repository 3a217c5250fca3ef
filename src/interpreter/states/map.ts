/**
 * Map: runs its ItemProcessor once per item, up to MaxConcurrency at a time, inline (iterations in
 * this execution's history) or distributed (a Map Run of child executions).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html
 */
import type { MapState, SubMachine } from '../../asl/definition';
import type { Json, JsonObject } from '../../asl/json';
import { StatesError, StatesErrors } from '../../asl/errors';
import { runBranch } from '../branch';
import { contextObject } from '../context-object';
import { evaluateJsonataTemplate } from '../jsonata';
import { evaluatePayloadTemplate, applyInputPath } from '../jsonpath';
import { jsonataBindings, pathScope } from '../query';
import { Frame, type ExecutionRuntime, type StateContext } from '../runtime';
import { childRuntime, type ChildRuntime } from './child-runtime';
import { withRetryAndCatch } from './guarded';
import { batchItems } from './map-batches';
import { exceedsTolerance, mapItems, mapLimits, type MapLimits } from './map-config';
import { recordEvaluationFailure } from './evaluation-failure';
import { qualify, type StateOutcome } from './outcome';

export async function evaluateMap(state: MapState, input: Json, ctx: StateContext): Promise<StateOutcome> {
  const processor = (state.ItemProcessor ?? state.Iterator)!;
  const distributed = processor.ProcessorConfig?.Mode === 'DISTRIBUTED';
  let failedAttemptKey = `${ctx.stepKey}:m`;
  let runFailed = false;
  return withRetryAndCatch(
    ctx,
    state,
    input,
    async (attempt) => {
      const key = `${ctx.stepKey}:m${attempt}`;
      failedAttemptKey = key;
      const items = batchItems(state, await itemsOrFail(state, input, ctx, key));
      const { rt, frame } = ctx;
      const started = rt.recorder.emit(`${key}:s`, 'MapStateStarted', frame.lastEventId, () => ({ length: items.length }));
      frame.lastEventId = started.id;
      // A bad tolerance or concurrency value fails the execution right after MapStateStarted.
      const limits = await mapLimits(state, input, ctx);
      runFailed = false;
      const run = new MapRun(ctx, state, input, processor, key, limits, items, distributed);
      try {
        return await run.execute();
      } catch (err) {
        runFailed = true;
        throw err;
      }
    },
    () => {
      // Only a failure that is not retried is recorded as MapStateFailed.
      if (!runFailed) return;
      const failed = ctx.rt.recorder.emit(`${failedAttemptKey}:d`, 'MapStateFailed', ctx.frame.lastEventId);
      ctx.frame.lastEventId = failed.id;
    },
  );
}

/** Items that cannot be read fail the Map state itself (EvaluationFailed, then MapStateFailed). */
async function itemsOrFail(state: MapState, input: Json, ctx: StateContext, key: string): Promise<Json[]> {
  try {
    return await mapItems(state, input, ctx);
  } catch (thrown) {
    if (!(thrown instanceof StatesError)) throw thrown;
    const err = qualify(thrown, ctx);
    if (err.error === StatesErrors.QueryEvaluationError) recordEvaluationFailure(ctx, err);
    const failed = ctx.rt.recorder.emit(`${key}:d`, 'MapStateFailed', ctx.frame.lastEventId);
    ctx.frame.lastEventId = failed.id;
    throw err;
  }
}

const INLINE_CONCURRENCY = 40;

/** One attempt of a Map state: its iterations and their events. */
class MapRun {
  private readonly child: ChildRuntime;
  private readonly results: Json[];
  private failures = 0;
  /** The event the Map's closing events link to: the last iteration's end, or the failing iteration's last state. */
  private closingPrev?: number;
  private firstError?: StatesError;
  private mapRunArn?: string;

  constructor(
    private readonly ctx: StateContext,
    private readonly state: MapState,
    private readonly input: Json,
    private readonly processor: SubMachine,
    private readonly key: string,
    private readonly limits: MapLimits,
    private readonly items: Json[],
    private readonly distributed: boolean,
  ) {
    this.child = childRuntime(ctx.rt);
    this.results = new Array<Json>(items.length).fill(null);
  }

  async execute(): Promise<Json[]> {
    const { rt, frame } = this.ctx;
    if (this.distributed) {
      const { info } = rt;
      // Without a Label, Step Functions names the Map Run with a generated id.
      const arn = `arn:aws:states:${info.region}:${info.account}:mapRun:${info.stateMachineName}/${this.state.Label ?? rt.newId()}:${rt.newId()}`;
      const ev = rt.recorder.emit(`${this.key}:r`, 'MapRunStarted', frame.lastEventId, () => ({ mapRunArn: arn }), { mapRunArn: arn });
      // After a restart the recorded ARN names the run, so its child executions are found again.
      this.mapRunArn = String(ev.meta?.mapRunArn ?? arn);
      frame.lastEventId = ev.id;
    }
    await this.runAll();
    const failed = exceedsTolerance(this.limits, this.failures, this.items.length);
    // AWS links the closing events, and the Exited event after them, to the event before them.
    const beforeClosing = this.closingPrev ?? frame.lastEventId;
    let closingPrev = beforeClosing;
    if (this.mapRunArn) closingPrev = rt.recorder.emit(`${this.key}:R`, failed ? 'MapRunFailed' : 'MapRunSucceeded', closingPrev).id;
    // A succeeded Map Run's Exited event links past MapRunSucceeded, to MapRunStarted (as AWS records since late 2024).
    frame.lastEventId = failed ? closingPrev : beforeClosing;
    if (failed) throw this.failure();
    rt.recorder.emit(`${this.key}:d`, 'MapStateSucceeded', closingPrev);
    return this.results;
  }

  private failure(): StatesError {
    const tolerates = this.limits.toleratedFailureCount !== undefined || this.limits.toleratedFailurePercentage !== undefined;
    if (tolerates || !this.firstError) {
      return new StatesError(StatesErrors.ExceedToleratedFailureThreshold, 'The specified tolerated failure threshold was exceeded', false);
    }
    return this.firstError;
  }

  private async runAll(): Promise<void> {
    // Without MaxConcurrency an inline Map still runs at most 40 iterations at once, as AWS documents.
    const limit = this.limits.maxConcurrency > 0 ? this.limits.maxConcurrency : INLINE_CONCURRENCY;
    let nextIndex = 0;
    const worker = async () => {
      while (nextIndex < this.items.length && !this.child.rt.signal.aborted) {
        await this.runIteration(nextIndex++);
      }
    };
    await Promise.all(Array.from({ length: Math.min(limit, this.items.length) }, () => this.child.guard(worker())));
  }

  private async runIteration(index: number): Promise<void> {
    const { rt, frame } = this.ctx;
    const events = !this.distributed;
    const iterKey = `${this.key}[${index}]`;
    if (events) {
      const ev = rt.recorder.emit(`${iterKey}:s`, 'MapIterationStarted', frame.lastEventId, () => ({ index, name: this.ctx.stateName }));
      frame.lastEventId = ev.id;
    }
    const variables = (this.distributed ? {} : Object.create(frame.variables)) as Record<string, Json>;
    const iteration = new Frame(iterKey, frame.lastEventId, variables, frame.queryLanguage);
    try {
      const itemInput = await this.iterationInput(index);
      this.results[index] = await runBranch(this.distributed ? this.childExecution(index) : this.child.rt, this.processor, itemInput, iteration);
      if (events) {
        const ev = rt.recorder.emit(`${iterKey}:d`, 'MapIterationSucceeded', iteration.lastEventId, () => ({ index, name: this.ctx.stateName }));
        frame.lastEventId = iteration.lastEventId;
        this.closingPrev = ev.id;
      }
    } catch (err) {
      if (!(err instanceof StatesError)) throw err;
      this.failures++;
      this.firstError ??= err;
      this.results[index] = { Error: err.error, Cause: err.cause ?? null } as JsonObject;
      if (events) {
        rt.recorder.emit(`${iterKey}:d`, 'MapIterationFailed', iteration.lastEventId, () => ({ index, name: this.ctx.stateName }));
        frame.lastEventId = iteration.lastEventId;
        this.closingPrev = iteration.lastEventId;
      }
      if (exceedsTolerance(this.limits, this.failures, this.items.length)) this.child.abort(err);
    }
  }

  /**
   * A distributed Map's items run as child executions: their events are recorded in histories of
   * their own, not in this execution's, and a finished child is replayed, not run again, after a restart.
   */
  private childExecution(index: number): ExecutionRuntime {
    const recorder = this.ctx.rt.childRecorder(`${this.mapRunArn}:${index}`);
    return Object.create(this.child.rt, { recorder: { value: recorder } }) as ExecutionRuntime;
  }

  /** ItemSelector (or the item itself), with $$.Map.Item available. */
  private async iterationInput(index: number): Promise<Json> {
    const item = this.items[index];
    const selector = this.state.ItemSelector ?? this.state.Parameters;
    if (selector === undefined) return item;
    const context = { ...contextObject(this.ctx), Map: { Item: { Index: index, Value: item } } };
    if (this.ctx.queryLanguage === 'JSONata') {
      return evaluateJsonataTemplate(selector, jsonataBindings(this.ctx, this.input, { context }), 'ItemSelector');
    }
    const scope = pathScope(this.ctx, this.input, context);
    return evaluatePayloadTemplate(selector, scope.withInput(applyInputPath(this.input, this.state.InputPath, scope)), 'ItemSelector');
  }
}
