/**
 * StartExecution, StartSyncExecution, DescribeExecution, ListExecutions, StopExecution and
 * GetExecutionHistory.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html
 */
import type {
  DescribeExecutionOutput,
  DescribeStateMachineForExecutionOutput,
  GetExecutionHistoryInput,
  GetExecutionHistoryOutput,
  HistoryEvent,
  ListExecutionsInput,
  ListExecutionsOutput,
  StartExecutionInput,
  StartExecutionOutput,
  StartSyncExecutionOutput,
  StopExecutionInput,
  StopExecutionOutput,
} from '@aws-sdk/client-sfn';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock/clock';
import type { ExecutionStatus } from '../interpreter/execution';
import { toAwsEvent } from '../interpreter/history/events';
import type { ExecutionRecord, ExecutionStore, SqliteHistorySink } from '../store';
import { ExecutionAlreadyExists, ExecutionDoesNotExist, InvalidExecutionInput, StateMachineTypeNotSupported, ValidationException } from './errors';
import { resultFields, type ExecutionRunner } from './execution-runner';
import { redriveStatus } from './redrive-execution';
import { checkName, executionArn, parseExecutionArn, type Location } from './names';
import { paginate } from './pagination';
import type { StateMachines } from './state-machines';

const MAX_INPUT_BYTES = 256 * 1024;
const STATUSES: readonly ExecutionStatus[] = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];

export interface StartOptions {
  /** The execution that started this one through `states:startExecution`. */
  parentArn?: string;
}

export class Executions {
  constructor(
    private readonly store: ExecutionStore,
    private readonly sink: SqliteHistorySink,
    private readonly machines: StateMachines,
    private readonly runner: ExecutionRunner,
    private readonly clock: Clock,
    private readonly location: Location,
  ) {}

  start(input: StartExecutionInput, options: StartOptions = {}): StartExecutionOutput {
    const record = this.newRecord(input, options);
    if (record.type === 'STANDARD') {
      const existing = this.store.get(record.arn);
      if (existing) {
        // Idempotent for STANDARD: the same name and input while it runs returns the running execution.
        if (existing.status === 'RUNNING' && existing.input === record.input) return { executionArn: existing.arn, startDate: new Date(existing.startDate) };
        throw new ExecutionAlreadyExists(`Execution Already Exists: '${record.arn}'`);
      }
      this.store.insert(record);
    }
    void this.runner.launch(record);
    return { executionArn: record.arn, startDate: new Date(record.startDate) };
  }

  /** A STANDARD execution of this state machine with this name, if one was ever started. */
  findByName(stateMachineArn: string, name: string): { executionArn: string; startDate: Date } | undefined {
    const machine = this.machines.get(stateMachineArn);
    const record = this.store.get(executionArn(this.location, machine.name, name, machine.type));
    return record && { executionArn: record.arn, startDate: new Date(record.startDate) };
  }

  async startSync(input: StartExecutionInput): Promise<StartSyncExecutionOutput> {
    const record = this.newRecord(input, {});
    if (record.type !== 'EXPRESS') throw new StateMachineTypeNotSupported('This operation is not supported by this type of state machine');
    const result = await this.runner.launch(record);
    const fields = resultFields(result);
    return {
      executionArn: record.arn,
      stateMachineArn: record.stateMachineArn,
      name: record.name,
      startDate: new Date(record.startDate),
      stopDate: new Date(result.stopTime),
      status: fields.status as StartSyncExecutionOutput['status'],
      input: record.input,
      inputDetails: { included: true },
      ...(fields.output !== undefined ? { output: fields.output, outputDetails: { included: true } } : {}),
      ...(fields.error !== undefined ? { error: fields.error } : {}),
      ...(fields.cause !== undefined ? { cause: fields.cause } : {}),
      billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: Math.max(100, result.stopTime - record.startDate) },
    };
  }

  describe(arn: unknown): DescribeExecutionOutput {
    const r = this.get(arn);
    const out: DescribeExecutionOutput = {
      executionArn: r.arn,
      stateMachineArn: r.stateMachineArn,
      name: r.name,
      status: r.status,
      startDate: new Date(r.startDate),
      input: r.input,
      inputDetails: { included: true },
      redriveCount: r.redriveCount,
      ...redriveStatus(r, this.clock.now()),
    };
    if (r.stopDate !== undefined) out.stopDate = new Date(r.stopDate);
    if (r.output !== undefined) Object.assign(out, { output: r.output, outputDetails: { included: true } });
    if (r.error !== undefined) out.error = r.error;
    if (r.cause !== undefined) out.cause = r.cause;
    if (r.redriveDate !== undefined) out.redriveDate = new Date(r.redriveDate);
    return out;
  }

  describeStateMachineFor(arn: unknown): DescribeStateMachineForExecutionOutput {
    const r = this.get(arn);
    const machine = this.machines.describe(r.stateMachineArn);
    return { stateMachineArn: r.stateMachineArn, name: machine.name, definition: r.definition, roleArn: r.roleArn, updateDate: new Date(r.startDate) };
  }

  list(input: ListExecutionsInput): ListExecutionsOutput {
    const machine = this.machines.get(input.stateMachineArn);
    const status = input.statusFilter as ExecutionStatus | undefined;
    if (status !== undefined && !STATUSES.includes(status)) {
      throw new ValidationException(`Value '${String(status)}' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [${STATUSES.join(', ')}]`);
    }
    const page = paginate(input, (offset, limit) => this.store.list(machine.arn, status, offset, limit));
    return {
      executions: page.items.map((r) => ({
        executionArn: r.arn,
        stateMachineArn: r.stateMachineArn,
        name: r.name,
        status: r.status,
        startDate: new Date(r.startDate),
        ...(r.stopDate !== undefined ? { stopDate: new Date(r.stopDate) } : {}),
        redriveCount: r.redriveCount,
        ...(r.redriveDate !== undefined ? { redriveDate: new Date(r.redriveDate) } : {}),
      })),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  }

  async stop(input: StopExecutionInput): Promise<StopExecutionOutput> {
    const record = this.get(input.executionArn);
    const result = await this.runner.stop(record.arn, input.error, input.cause);
    return { stopDate: new Date(result?.stopTime ?? record.stopDate ?? this.clock.now()) };
  }

  history(input: GetExecutionHistoryInput): GetExecutionHistoryOutput {
    const record = this.get(input.executionArn);
    const events = this.sink.load(record.arn);
    if (input.reverseOrder) events.reverse();
    const page = paginate(input, (offset, limit) => events.slice(offset, offset + limit));
    const includeData = input.includeExecutionData ?? true;
    return {
      events: page.items.map((e) => toAwsEvent(e, includeData) as unknown as HistoryEvent),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  }

  get(arn: unknown): ExecutionRecord {
    parseExecutionArn(arn);
    const record = this.store.get(arn as string);
    if (!record) throw new ExecutionDoesNotExist(`Execution Does Not Exist: '${String(arn)}'`);
    return record;
  }

  private newRecord(input: StartExecutionInput, options: StartOptions): ExecutionRecord {
    const machine = this.machines.get(input.stateMachineArn);
    const name = input.name ?? randomUUID();
    checkName(name);
    const text = checkedInput(input.input);
    return {
      arn: executionArn(this.location, machine.name, name, machine.type),
      name,
      stateMachineArn: machine.arn,
      definition: machine.definition,
      roleArn: machine.roleArn,
      type: machine.type,
      status: 'RUNNING',
      input: text,
      startDate: this.clock.now(),
      redriveCount: 0,
      ...(options.parentArn ? { parentArn: options.parentArn } : {}),
    };
  }
}

/** Execution input: JSON text of at most 256 KiB, `{}` when absent. */
function checkedInput(input: unknown): string {
  if (input === undefined || input === null) return '{}';
  if (typeof input !== 'string') throw new InvalidExecutionInput('Invalid State Machine Execution Input: input must be a string');
  // The API model caps the input's length (Java characters); the service's quota caps its UTF-8 bytes.
  if (input.length > MAX_INPUT_BYTES) {
    throw new ValidationException(`1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have length less than or equal to ${MAX_INPUT_BYTES}`);
  }
  if (Buffer.byteLength(input) > MAX_INPUT_BYTES) {
    throw new InvalidExecutionInput(`Invalid State Machine Execution Input: the input is larger than the maximum of ${MAX_INPUT_BYTES} bytes`);
  }
  try {
    JSON.parse(input);
  } catch (err) {
    throw new InvalidExecutionInput(`Invalid State Machine Execution Input: '${err instanceof Error ? err.message : String(err)}'`);
  }
  return input;
}
