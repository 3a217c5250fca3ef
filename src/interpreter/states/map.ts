/**
 * Map: runs its ItemProcessor once per item, up to MaxConcurrency at a time, inline (iterations in
 * this execution's history) or distributed (a Map Run of child executions, over its input or over a
 * dataset an ItemReader streams, its results kept in the output or streamed out by a ResultWriter).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html
 */
import type { MapState, SubMachine } from '../../asl/definition';
import type { Json, JsonObject } from '../../asl/json';
import { StatesError, StatesErrors, runtimeError } from '../../asl/errors';
import { runBranch } from '../branch';
import { HistoryLimitReached } from '../history/recorder';
import { contextObject } from '../context-object';
import { evaluateJsonataTemplate } from '../jsonata';
import { evaluatePayloadTemplate, applyInputPath } from '../jsonpath';
import { jsonataBindings, pathScope } from '../query';
import { Frame, type ExecutionRuntime, type StateContext } from '../runtime';
import { childRuntime, type ChildRuntime } from './child-runtime';
import { withRetryAndCatch } from './guarded';
import { exceedsTolerance, mapLimits, type MapLimits } from './map-config';
import { mapFeed, type MapFeed } from './map-feed';
import { MapResultFiles, executionRecord, resultWriterConfig, type ChildOutcome, type ResultWriterConfig } from './map-result-writer';
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
      const { feed, writer } = await prepareOrFail(state, input, ctx, key, distributed);
      const { rt, frame } = ctx;
      // A streamed dataset's length is not known when the Map starts.
      const started = rt.recorder.emit(`${key}:s`, 'MapStateStarted', frame.lastEventId, () => (feed.length === undefined ? {} : { length: feed.length }));
      frame.lastEventId = started.id;
      // A bad tolerance or concurrency value fails the execution right after MapStateStarted.
      const limits = await mapLimits(state, input, ctx);
      runFailed = false;
      const run = new MapRun(ctx, state, input, processor, key, limits, feed, distributed, writer);
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
async function prepareOrFail(
  state: MapState,
  input: Json,
  ctx: StateContext,
  key: string,
  distributed: boolean,
): Promise<{ feed: MapFeed; writer?: ResultWriterConfig }> {
  try {
    const writer = distributed ? await resultWriterConfig(state, input, ctx) : undefined;
    return { feed: await mapFeed(state, input, ctx, distributed), writer };
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
  /** The state output's items; none are kept when a ResultWriter streams them out. */
  private readonly results?: Json[];
  private files?: MapResultFiles;
  private failures = 0;
  private dispatched = 0;
  private feedDone = false;
  /** A failure of the Map Run itself (reading the dataset, writing results): not an item's failure. */
  private fatal?: unknown;
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
    private readonly feed: MapFeed,
    private readonly distributed: boolean,
    private readonly writer?: ResultWriterConfig,
  ) {
    this.child = childRuntime(ctx.rt);
    if (!writer?.export) this.results = new Array<Json>(feed.length ?? 0).fill(null);
  }

  async execute(): Promise<Json> {
    const { rt, frame } = this.ctx;
    if (this.distributed) {
      const { info } = rt;
      // Without a Label, Step Functions names the Map Run with a generated id.
      const arn = `arn:aws:states:${info.region}:${info.account}:mapRun:${info.stateMachineName}/${this.state.Label ?? rt.newId()}:${rt.newId()}`;
      const ev = rt.recorder.emit(`${this.key}:r`, 'MapRunStarted', frame.lastEventId, () => ({ mapRunArn: arn }), { mapRunArn: arn });
      // After a restart the recorded ARN names the run, so its child executions are found again.
      this.mapRunArn = String(ev.meta?.mapRunArn ?? arn);
      frame.lastEventId = ev.id;
      this.openResultFiles();
    }
    try {
      await this.runAll();
    } catch (err) {
      // Stopped from outside: partly written result files are dropped, not left open.
      this.files?.abort(err);
      throw err;
    }
    if (this.fatal !== undefined) this.files?.abort(this.fatal);
    // The result files are finished even when too many items failed (AWS writes them then too);
    // a failure to finish them fails the run.
    const output = this.fatal === undefined ? await this.finishResults() : undefined;
    const failed = this.fatal !== undefined || this.exceeded();
    // AWS links the closing events, and the Exited event after them, to the event before them.
    const beforeClosing = this.closingPrev ?? frame.lastEventId;
    let closingPrev = beforeClosing;
    if (this.mapRunArn) closingPrev = rt.recorder.emit(`${this.key}:R`, failed ? 'MapRunFailed' : 'MapRunSucceeded', closingPrev).id;
    // A succeeded Map Run's Exited event links past MapRunSucceeded, to MapRunStarted (as AWS records since late 2024).
    frame.lastEventId = failed ? closingPrev : beforeClosing;
    if (failed) throw this.failure();
    rt.recorder.emit(`${this.key}:d`, 'MapStateSucceeded', closingPrev);
    return output!;
  }

  private openResultFiles(): void {
    const config = this.writer;
    if (!config?.export) return;
    const sink = this.ctx.rt.services.results;
    if (!sink) {
      this.fatal = new StatesError(StatesErrors.ResultWriterFailed, 'No result sink is configured: this host cannot write ResultWriter files.', false);
      return;
    }
    this.files = new MapResultFiles(sink, { ...config, export: config.export }, this.mapRunArn!);
  }

  /** The state's output: the result files' location, or the items' results as the WriterConfig shapes them. */
  private async finishResults(): Promise<Json> {
    if (this.files) {
      try {
        return { MapRunArn: this.mapRunArn!, ResultWriterDetails: await this.files.finish() };
      } catch (err) {
        this.fatal = err;
        return null;
      }
    }
    const results = this.results!;
    if (this.writer?.transformation !== 'FLATTEN') return results;
    return results.flatMap((r) => (Array.isArray(r) ? r : [r]));
  }

  private failure(): unknown {
    if (this.fatal !== undefined) return this.fatal;
    const tolerates = this.limits.toleratedFailureCount !== undefined || this.limits.toleratedFailurePercentage !== undefined;
    if (tolerates || !this.firstError) {
      return new StatesError(StatesErrors.ExceedToleratedFailureThreshold, 'The specified tolerated failure threshold was exceeded', false);
    }
    return this.firstError;
  }

  /**
   * Whether the failures so far exceed what the state tolerates. While a dataset is still being read
   * its total is unknown: only a count (or no tolerance at all) can be exceeded before the end.
   */
  private exceeded(): boolean {
    const total = this.feed.length ?? (this.feedDone ? this.dispatched : undefined);
    if (total !== undefined) return exceedsTolerance(this.limits, this.failures, total);
    const { toleratedFailureCount: count, toleratedFailurePercentage: pct } = this.limits;
    if (count === undefined && pct === undefined) return this.failures > 0;
    return count !== undefined && this.failures > count;
  }

  private async runAll(): Promise<void> {
    if (this.fatal !== undefined) return;
    // Without MaxConcurrency an inline Map still runs at most 40 iterations at once, as AWS documents.
    const limit = this.limits.maxConcurrency > 0 ? this.limits.maxConcurrency : INLINE_CONCURRENCY;
    const worker = async () => {
      while (!this.child.rt.signal.aborted) {
        let pulled = this.pull();
        // An array's items are pulled synchronously: an inline Map interleaves exactly as it always has.
        if (pulled instanceof Promise) pulled = await pulled;
        if (pulled.done) return;
        await this.runIteration(this.dispatched++, pulled.value);
      }
    };
    const workers = this.feed.length === undefined ? limit : Math.min(limit, this.feed.length);
    await Promise.all(Array.from({ length: workers }, () => this.child.guard(worker())));
  }

  /** The next item or batch; a dataset that cannot be read further stops the whole run. */
  private pull(): IteratorResult<Json> | Promise<IteratorResult<Json>> {
    let pulled: IteratorResult<Json> | Promise<IteratorResult<Json>>;
    try {
      pulled = this.feed.next();
    } catch (err) {
      return this.stopRun(err);
    }
    if (!(pulled instanceof Promise)) {
      if (pulled.done) this.feedDone = true;
      return pulled;
    }
    return pulled.then(
      (r) => {
        if (r.done) this.feedDone = true;
        return r;
      },
      (err: unknown) => this.stopRun(err),
    );
  }

  private stopRun(err: unknown): IteratorResult<Json> {
    if (this.fatal === undefined && !this.child.rt.signal.aborted) {
      this.fatal = err instanceof StatesError ? qualify(err, this.ctx) : err;
      this.child.abort(this.fatal);
    }
    return { done: true, value: undefined };
  }

  private async runIteration(index: number, item: Json): Promise<void> {
    const { rt, frame } = this.ctx;
    const events = !this.distributed;
    const iterKey = `${this.key}[${index}]`;
    if (events) {
      const ev = rt.recorder.emit(`${iterKey}:s`, 'MapIterationStarted', frame.lastEventId, () => ({ index, name: this.ctx.stateName }));
      frame.lastEventId = ev.id;
    }
    const variables = (this.distributed ? {} : Object.create(frame.variables)) as Record<string, Json>;
    const iteration = new Frame(iterKey, frame.lastEventId, variables, frame.queryLanguage);
    const startDate = rt.clock.now();
    let itemInput = item;
    let outcome: Pick<ChildOutcome, 'status' | 'output' | 'error' | 'cause'>;
    try {
      itemInput = await this.iterationInput(index, item);
      const output = await runBranch(this.distributed ? this.childExecution(index) : this.child.rt, this.processor, itemInput, iteration);
      outcome = { status: 'SUCCEEDED', output };
      if (events) {
        const ev = rt.recorder.emit(`${iterKey}:d`, 'MapIterationSucceeded', iteration.lastEventId, () => ({ index, name: this.ctx.stateName }));
        frame.lastEventId = iteration.lastEventId;
        this.closingPrev = ev.id;
      }
    } catch (thrown) {
      // A child execution that outgrows its own history fails alone, as its own execution would.
      const err = this.distributed && thrown instanceof HistoryLimitReached ? runtimeError(thrown.message) : thrown;
      if (!(err instanceof StatesError)) throw err;
      const aborted = this.child.rt.signal.aborted;
      this.failures++;
      this.firstError ??= err;
      outcome = { status: aborted ? 'ABORTED' : 'FAILED', error: err.error, cause: err.cause };
      if (events) {
        rt.recorder.emit(`${iterKey}:d`, 'MapIterationFailed', iteration.lastEventId, () => ({ index, name: this.ctx.stateName }));
        frame.lastEventId = iteration.lastEventId;
        this.closingPrev = iteration.lastEventId;
      }
      if (this.exceeded()) this.child.abort(err);
    }
    // Without a ResultWriter (every inline Map) only the output is kept: no execution record is built.
    if (!this.writer) {
      this.results![index] = outcome.status === 'SUCCEEDED' ? (outcome.output ?? null) : ({ Error: outcome.error ?? null, Cause: outcome.cause ?? null } as JsonObject);
      return;
    }
    const writing = this.keep(index, { ...outcome, ...this.childIdentity(), input: itemInput, startDate, stopDate: rt.clock.now() });
    if (writing) await writing;
  }

  /** Keeps an item's result in the output, or streams it to the result files (then resolves once written). */
  private keep(index: number, outcome: ChildOutcome): Promise<void> | undefined {
    if (this.files) {
      return this.files.add(outcome).catch((err: unknown) => {
        this.stopRun(err);
      });
    }
    if (this.writer?.transformation === 'NONE') this.results![index] = executionRecord(outcome);
    else if (outcome.status === 'SUCCEEDED') this.results![index] = outcome.output ?? null;
    else this.results![index] = { Error: outcome.error ?? null, Cause: outcome.cause ?? null } as JsonObject;
  }

  /** A child execution's name and ARNs, as a Map Run names them (only a ResultWriter shows them). */
  private childIdentity(): Pick<ChildOutcome, 'executionArn' | 'name' | 'stateMachineArn'> {
    const name = this.ctx.rt.newId();
    const run = this.mapRunArn!.slice(0, this.mapRunArn!.lastIndexOf(':'));
    return {
      name,
      executionArn: `${run.replace(':mapRun:', ':execution:')}:${name}`,
      stateMachineArn: run.replace(':mapRun:', ':stateMachine:'),
    };
  }

  /**
   * A distributed Map's items run as child executions: their events are recorded in histories of
   * their own, not in this execution's, and a finished child is replayed, not run again, after a
   * restart. EXPRESS children keep no history at all, as on AWS, which makes each of them cheap.
   */
  private childExecution(index: number): ExecutionRuntime {
    const express = this.processor.ProcessorConfig?.ExecutionType === 'EXPRESS';
    const recorder = this.ctx.rt.childRecorder(`${this.mapRunArn}:${index}`, !express);
    return Object.create(this.child.rt, { recorder: { value: recorder } }) as ExecutionRuntime;
  }

  /** ItemSelector (or the item itself), with $$.Map.Item available. */
  private async iterationInput(index: number, item: Json): Promise<Json> {
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
