/**
 * The fluent, typed path through a workflow. `Flow<P, V, E>` is a point in the graph where the
 * payload has type `P`, the variables in scope are `V`, and `E` collects the outputs of paths that
 * already ended (Choice rules). Each method adds one state and returns the flow after it; Succeed,
 * Fail, `end()` and `goto()` return a {@link Terminal}, which has no methods, so nothing can follow.
 *
 * @example
 * defineWorkflow({ name: 'example', input: ExampleInput }, (start) =>
 *   start
 *     .pass('Normalize', { output: (s) => ({ bucket: s.input.dataset.bucket, k: s.input.k }) })
 *     .task('Split', { task: Split, arguments: (s) => ({ bucket: s.input.bucket, k: s.input.k }) })
 *     .succeed('Done'));
 */
import type { EventDefinition } from './event-definition';
import { BuilderError } from './builder-error';
import type { StateGraph, StateNode } from './graph';
import type { StateConfig, ChoiceConfig } from './state-config';
import type { TaskDefinition, TaskOutput } from './task-definition';
import { type Merge, type StateName, type StateRef, type Terminal } from './types';
import type { WorkflowLike } from './workflow-types';
import { CatchBuilder } from './states/catch';
import { ChoiceBuilder, type ClosedChoice } from './states/choice';
import { failConfig, type FailOptions } from './states/fail';
import {
  distributedMapConfig,
  inlineMapConfig,
  type DistributedMapOptions,
  type DistributedMapResult,
  type InlineMapOptions,
  type ItemBatcherSpec,
  type ResultWriterSpec,
} from './states/map';
import { parallelConfig, type ParallelOptions } from './states/parallel';
import { passConfig, type PassOptions } from './states/pass';
import { succeedConfig, type SucceedOptions } from './states/succeed';
import { callbackTaskConfig, lambdaTaskConfig, type LambdaTaskOptions } from './states/task';
import { emitConfig, type EmitOptions } from './states/task-put-events';
import { startExecutionConfig, type StartExecutionOptions, type StartExecutionOutput } from './states/task-start-execution';
import { waitConfig, type WaitOptions } from './states/wait';

const TERMINAL: Terminal<never> = { terminal: true };

export class Flow<P, V, E = never> {
  private continued = false;

  /** @internal Flows are opened by defineWorkflow and by the branching states. */
  constructor(
    private readonly graph: StateGraph,
    private readonly attachNext: (name: string) => void,
    private readonly last?: StateNode,
  ) {}

  /** Reshape the payload or set variables. */
  pass<O = P, A extends object = {}>(name: StateName<P, V>, options: PassOptions<P, V, O, A> = {}): Flow<NoInfer<O>, NoInfer<Merge<V, A>>, E> {
    return this.after(name, passConfig(options as never));
  }

  /** Invoke a Lambda task (`lambda:invoke`); the next state receives the task's output. */
  task<T extends TaskDefinition, O = TaskOutput<T>, A extends object = {}>(
    name: StateName<P, V>,
    options: LambdaTaskOptions<P, V, T, O, A>,
  ): Flow<NoInfer<O>, NoInfer<Merge<V, A>>, E> {
    return this.after(name, lambdaTaskConfig(options as never, this.catchBuilder()));
  }

  /**
   * Invoke a Lambda task with `.waitForTaskToken` and wait for `SendTaskSuccess`; pass
   * `s.context.Task.Token` in the arguments. The next state receives what the callback sent.
   */
  callback<T extends TaskDefinition, O = TaskOutput<T>, A extends object = {}>(
    name: StateName<P, V>,
    options: LambdaTaskOptions<P, V, T, O, A>,
  ): Flow<NoInfer<O>, NoInfer<Merge<V, A>>, E> {
    return this.after(name, callbackTaskConfig(options as never, this.catchBuilder()));
  }

  /** Start another workflow (`states:startExecution`, `.sync:2` unless `sync: false`). */
  startExecution<W extends WorkflowLike, S extends boolean = true, O = StartExecutionOutput<W, S>, A extends object = {}>(
    name: StateName<P, V>,
    options: StartExecutionOptions<P, V, W, S, O, A>,
  ): Flow<NoInfer<O>, NoInfer<Merge<V, A>>, E> {
    return this.after(name, startExecutionConfig(options as never, this.catchBuilder()));
  }

  /** Emit a custom event (`events:putEvents`); the payload passes through unless `output` says otherwise. */
  emit<Ev extends EventDefinition, O = P, A extends object = {}>(name: StateName<P, V>, options: EmitOptions<P, V, Ev, O, A>): Flow<NoInfer<O>, NoInfer<Merge<V, A>>, E> {
    return this.after(name, emitConfig(options as never, this.catchBuilder()));
  }

  /** Wait for some seconds or until a timestamp. */
  wait<O = P, A extends object = {}>(name: StateName<P, V>, options: WaitOptions<P, V, O, A>): Flow<NoInfer<O>, NoInfer<Merge<V, A>>, E> {
    return this.after(name, waitConfig(typeof name === 'string' ? name : name.name, options as never));
  }

  /**
   * Branch on conditions. With `otherwise`, nothing follows the Choice; without it, the flow returned
   * is the default path.
   * @example .choice('MeetsBaseline?', (c) => c.when((s) => lt(s.input.mean, s.input.baseline), (b) => b.succeed('BelowBaseline')))
   */
  choice<R>(name: StateName<P, V>, build: (c: ChoiceBuilder<P, V>) => ClosedChoice<R>, options?: { comment?: string }): Terminal<R | E>;
  choice<R>(name: StateName<P, V>, build: (c: ChoiceBuilder<P, V>) => ChoiceBuilder<P, V, R>, options?: { comment?: string }): Flow<P, V, R | E>;
  choice(name: StateName<P, V>, build: (c: ChoiceBuilder<P, V>) => unknown, options: { comment?: string } = {}): unknown {
    const builder = new ChoiceBuilder<P, V>(this.opener());
    const config: ChoiceConfig = builder.config(options.comment);
    const node = this.add(name, config);
    const closed = build(builder) instanceof ChoiceBuilder === false;
    if (closed) {
      config.default = builder.default;
      return TERMINAL;
    }
    return new Flow(this.graph, (next) => {
      config.default = next;
    }, node);
  }

  /** Run branches on the same input; the next state receives the tuple of their outputs. */
  parallel<const B extends readonly unknown[], I = P, O = B, A extends object = {}>(
    name: StateName<P, V>,
    options: ParallelOptions<P, V, B, I, O, A>,
  ): Flow<NoInfer<O>, NoInfer<Merge<V, A>>, E> {
    return this.after(name, parallelConfig(options as never, this.subgraphBuilder(), this.catchBuilder()));
  }

  /** Run the processor on each item, inside this execution. */
  map<T, I = T, O = never, Q = O[], A extends object = {}>(
    name: StateName<P, V>,
    options: InlineMapOptions<P, V, T, I, O, Q, A>,
  ): Flow<NoInfer<Q>, NoInfer<Merge<V, A>>, E> {
    return this.after(name, inlineMapConfig(options as never, this.subgraphBuilder(), this.catchBuilder()));
  }

  /** Run the processor on each item as child executions (Distributed Map). */
  distributedMap<
    T,
    I = T,
    O = never,
    B extends ItemBatcherSpec | undefined = undefined,
    W extends ResultWriterSpec | undefined = undefined,
    Q = DistributedMapResult<O, W>,
    A extends object = {},
  >(name: StateName<P, V>, options: DistributedMapOptions<P, V, T, I, O, Q, A, B, W>): Flow<NoInfer<Q>, NoInfer<Merge<V, A>>, E> {
    return this.after(name, distributedMapConfig(options as never, this.subgraphBuilder(), this.catchBuilder()));
  }

  /** End successfully with the payload (or `output`). */
  succeed<O = P>(name: StateName<P, V>, options: SucceedOptions<P, V, O> = {}): Terminal<NoInfer<O> | E> {
    this.add(name, succeedConfig(options as never));
    return TERMINAL;
  }

  /** End with an error. */
  fail(name: StateName<P, V>, options: FailOptions<P, V> = {}): Terminal<E> {
    this.add(name, failConfig(options as never));
    return TERMINAL;
  }

  /** Make the last state an end state (`End: true`); its output ends the path. */
  end(): Terminal<P | E> {
    if (!this.last) throw new BuilderError('end(): this path has no state of its own to end');
    this.markContinued(`${this.last.name} -> End`);
    this.last.end = true;
    return TERMINAL;
  }

  /** Continue at a declared state, e.g. back to the top of a polling loop. */
  goto(target: StateRef<P, V>): Terminal<E> {
    this.continueTo(target.name);
    return TERMINAL;
  }

  private after<O, W, X>(name: string | { name: string }, config: StateConfig): Flow<O, W, X> {
    const node = this.add(name, config);
    return new Flow(this.graph, (next) => {
      node.next = next;
    }, node);
  }

  private add(name: string | { name: string }, config: StateConfig): StateNode {
    const stateName = typeof name === 'string' ? name : name.name;
    this.continueTo(stateName);
    return this.graph.add(stateName, config);
  }

  private continueTo(name: string): void {
    this.markContinued(name);
    this.graph.references.add(name);
    this.attachNext(name);
  }

  /** A path continues once; a second continuation would silently overwrite the first. */
  private markContinued(to: string): void {
    if (this.continued) throw new BuilderError(`the path after ${this.last ? `"${this.last.name}"` : 'its start'} already continues; cannot also continue to "${to}"`);
    this.continued = true;
  }

  private opener() {
    return (attach: (name: string) => void) => new Flow<unknown, unknown>(this.graph, attach);
  }

  private catchBuilder(): CatchBuilder<never, never> {
    return new CatchBuilder(this.opener());
  }

  private subgraphBuilder() {
    return (build: (b: Flow<unknown, unknown>) => Terminal<unknown>): StateGraph => {
      const graph = this.graph.child();
      build(new Flow(graph, (name) => {
        graph.startAt = name;
      }));
      return graph;
    };
  }
}
