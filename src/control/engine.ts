/**
 * The control plane: the Step Functions API's operations over the durable store and the
 * interpreter. Constructing an Engine resumes every execution that was running when the previous
 * process stopped.
 */
import { locationOf } from '../location';
import type {
  CreateStateMachineInput,
  CreateStateMachineOutput,
  DescribeExecutionOutput,
  DescribeStateMachineForExecutionOutput,
  DescribeStateMachineOutput,
  GetExecutionHistoryInput,
  GetExecutionHistoryOutput,
  ListExecutionsInput,
  ListExecutionsOutput,
  ListStateMachinesInput,
  ListStateMachinesOutput,
  RedriveExecutionOutput,
  StartExecutionInput,
  StartExecutionOutput,
  StartSyncExecutionOutput,
  StopExecutionInput,
  StopExecutionOutput,
  TestStateInput,
  TestStateOutput,
  UpdateStateMachineInput,
  UpdateStateMachineOutput,
  ValidateStateMachineDefinitionInput,
} from '@aws-sdk/client-sfn';
import { WallClock, type Clock } from '../clock/clock';
import type { ExecutionResult } from '../interpreter/execution';
import type { AthenaQueries, EventPublisher, LambdaInvoker, TaskServices } from '../interpreter/integrations/services';
import type { ObjectStore } from '../objects';
import { ExecutionStore, StateMachineStore, TaskTokenStore, openDatabase, type Db } from '../store';
import { validateDefinition, type ValidationResult } from './definition-validation';
import { ExecutionRunner, type ExecutionStatusListener } from './execution-runner';
import { Executions } from './executions';
import { ObservedHistorySink, type HistoryObserver } from './observed-history-sink';
import type { Location } from './names';
import { EngineNestedExecutions } from './nested-executions';
import { ObjectStoreItems } from './object-store-items';
import { redriveExecution } from './redrive-execution';
import { requiredString, StateMachines } from './state-machines';
import { DurableTaskTokenBroker } from './task-tokens';
import { testState } from './test-state';

export interface EngineOptions {
  /** Where `statecraft.db` lives; omitted, the engine keeps everything in memory. */
  dataDir?: string;
  /** @default new WallClock() */
  clock?: Clock;
  /** @default 'us-east-1' */
  region?: string;
  /** @default '000000000000' */
  account?: string;
  lambda: LambdaInvoker;
  events?: EventPublisher;
  /** The local S3: distributed Maps read their ItemReader datasets from it and write ResultWriter files to it. */
  /** What `arn:aws:states:::athena:*` tasks call. @default - those tasks fail as unavailable */
  athena?: AthenaQueries;
  objects?: ObjectStore;
  /** false to leave RUNNING executions alone at construction. @default true */
  resume?: boolean;
  /** Told when a STANDARD execution starts (RUNNING) and ends, e.g. to emit EventBridge status events. */
  onExecutionStatusChange?: ExecutionStatusListener;
}

export type { ExecutionStatusChange, ExecutionStatusListener } from './execution-runner';

export class Engine {
  readonly clock: Clock;
  readonly location: Location;
  readonly objects?: ObjectStore;
  private readonly db: Db;
  private readonly sink: ObservedHistorySink;
  private readonly tokens: DurableTaskTokenBroker;
  private readonly runner: ExecutionRunner;
  private readonly machines: StateMachines;
  private readonly executions: Executions;
  private readonly executionStore: ExecutionStore;
  private readonly services: TaskServices;

  constructor(options: EngineOptions) {
    this.clock = options.clock ?? new WallClock();
    this.location = locationOf(options);
    this.objects = options.objects;
    this.db = openDatabase(options.dataDir);
    this.sink = new ObservedHistorySink(this.db);
    this.executionStore = new ExecutionStore(this.db);
    this.tokens = new DurableTaskTokenBroker(new TaskTokenStore(this.db));
    this.runner = new ExecutionRunner(this.executionStore, this.sink, this.clock, this.location, () => this.services, options.onExecutionStatusChange);
    this.machines = new StateMachines(new StateMachineStore(this.db), this.clock, this.location);
    this.executions = new Executions(this.executionStore, this.sink, this.machines, this.runner, this.clock, this.location);
    this.services = {
      lambda: options.lambda,
      tokens: this.tokens,
      executions: new EngineNestedExecutions(this.executions, this.runner),
      ...(options.events ? { events: options.events } : {}),
      // A distributed Map's ItemReader and ResultWriter reach S3: here, the local object store.
      ...(options.objects ? objectStoreItems(options.objects) : {}),
      ...(options.athena ? { athena: options.athena } : {}),
    };
    if (options.resume ?? true) this.runner.resumeAll();
  }

  createStateMachine(input: CreateStateMachineInput): CreateStateMachineOutput {
    return this.machines.create(input);
  }

  updateStateMachine(input: UpdateStateMachineInput): UpdateStateMachineOutput {
    return this.machines.update(input);
  }

  deleteStateMachine(input: { stateMachineArn?: string }): Record<string, never> {
    this.machines.delete(input.stateMachineArn);
    return {};
  }

  describeStateMachine(input: { stateMachineArn?: string }): DescribeStateMachineOutput {
    return this.machines.describe(input.stateMachineArn);
  }

  listStateMachines(input: ListStateMachinesInput = {}): ListStateMachinesOutput {
    return this.machines.list(input);
  }

  validateStateMachineDefinition(input: ValidateStateMachineDefinitionInput): ValidationResult {
    return validateDefinition(requiredString(input.definition, 'definition'));
  }

  startExecution(input: StartExecutionInput): StartExecutionOutput {
    return this.executions.start(input);
  }

  startSyncExecution(input: StartExecutionInput): Promise<StartSyncExecutionOutput> {
    return this.executions.startSync(input);
  }

  describeExecution(input: { executionArn?: string }): DescribeExecutionOutput {
    return this.executions.describe(input.executionArn);
  }

  describeStateMachineForExecution(input: { executionArn?: string }): DescribeStateMachineForExecutionOutput {
    return this.executions.describeStateMachineFor(input.executionArn);
  }

  listExecutions(input: ListExecutionsInput): ListExecutionsOutput {
    return this.executions.list(input);
  }

  stopExecution(input: StopExecutionInput): Promise<StopExecutionOutput> {
    return this.executions.stop(input);
  }

  redriveExecution(input: { executionArn?: string }): RedriveExecutionOutput {
    const record = this.executions.get(input.executionArn);
    const deps = { db: this.db, store: this.executionStore, sink: this.sink, runner: this.runner, tokens: this.tokens };
    return { redriveDate: redriveExecution(deps, record, this.clock.now()) };
  }

  getExecutionHistory(input: GetExecutionHistoryInput): GetExecutionHistoryOutput {
    return this.executions.history(input);
  }

  sendTaskSuccess(input: { taskToken?: string; output?: string }): Record<string, never> {
    this.tokens.sendSuccess(input.taskToken, input.output);
    return {};
  }

  sendTaskFailure(input: { taskToken?: string; error?: string; cause?: string }): Record<string, never> {
    this.tokens.sendFailure(input.taskToken, input.error, input.cause);
    return {};
  }

  sendTaskHeartbeat(input: { taskToken?: string }): Record<string, never> {
    this.tokens.sendHeartbeat(input.taskToken);
    return {};
  }

  testState(input: TestStateInput): Promise<TestStateOutput> {
    return testState(input, this.clock, this.services, this.location);
  }

  /**
   * Tells `observer` of every history event of a STANDARD execution as it is recorded (replayed
   * events after a restart are not recorded again, so not told again). @returns the unsubscribe
   */
  observeHistory(observer: HistoryObserver): () => void {
    return this.sink.observe(observer);
  }

  /** Resolves when the execution ends; undefined when it is not running in this engine. */
  waitForExecution(executionArn: string): Promise<ExecutionResult> | undefined {
    return this.runner.completion(executionArn);
  }

  /**
   * Makes everything recorded durable and stops running work without recording an end for it, as a
   * crash would: the next Engine on the same dataDir resumes those executions.
   */
  close(): void {
    this.tokens.close();
    this.sink.close();
    this.runner.close();
    this.db.close();
  }
}

function objectStoreItems(objects: ObjectStore): Pick<TaskServices, 'items' | 'results'> {
  const items = new ObjectStoreItems(objects);
  return { items, results: items };
}
