/**
 * EventBridge Scheduler schedules that start workflows, declared beside a package's rules. Unlike a
 * scheduled rule, a schedule runs once (`at()`) or in a time zone, within a flexible window, between
 * a start and an end date, with its own retry policy. The local host creates each in the local
 * Scheduler at start; the CDK app deploys it as `AWS::Scheduler::Schedule` with a role that may only
 * start its workflow. Both target the state machine with StartExecution (Scheduler's templated target).
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html
 */
import type { TSchema } from '@sinclair/typebox';
import { validatePayload } from '../schemas/validate-payload';
import { BuilderError } from './builder-error';
import { checkScheduleExpression } from './schedule-expression';

export interface ScheduleDefinitionProps {
  /** 1–64 letters, digits, `-`, `_` and `.`; unique within its group. */
  name: string;
  /** The schedule group, created when it is not `default`. @default 'default' */
  group?: string;
  /** @default none */
  description?: string;
  /** `at(yyyy-mm-ddThh:mm:ss)`, `rate(value unit)` or `cron(minutes hours day-of-month month day-of-week year)`. */
  expression: string;
  /** The IANA time zone the expression is read in. @default 'UTC' */
  timezone?: string;
  /**
   * Scheduler may start the workflow at any moment within this many minutes (1–1440) after each time.
   * @default - off: exactly at each time
   * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-flexible-time-windows.html
   */
  flexibleWindowMinutes?: number;
  /** No time before this fires (ignored by `at()`). @default - from creation */
  start?: Date | string;
  /** No time at or after this fires (ignored by `at()`). @default - never ends */
  end?: Date | string;
  /** @default true */
  enabled?: boolean;
  target: {
    workflow: string;
    /**
     * The execution's input, a JSON value checked against the workflow's input schema; strings may
     * hold Scheduler's context attributes, e.g. `<aws.scheduler.scheduled-time>`. @default {}
     */
    input?: unknown;
  };
  /**
   * How long and how often Scheduler retries a StartExecution that fails.
   * @default - Scheduler's: 185 attempts within 86,400 seconds
   */
  retryPolicy?: { maximumRetryAttempts?: number; maximumEventAgeSeconds?: number };
  /**
   * The SQS queue (its ARN) that receives a firing whose retries ran out, as Scheduler's
   * `DeadLetterConfig`; the deployed schedule's role may send to it. Locally the Scheduler keeps it
   * among its dead letters (the console's Events page). @default - none: the firing is dropped
   */
  deadLetterQueueArn?: string;
  /** `DELETE` removes the schedule once it has nothing left to fire. @default 'NONE' */
  actionAfterCompletion?: 'NONE' | 'DELETE';
}

/** A checked schedule with Scheduler's defaults filled in: what both hosts deploy. */
export interface ScheduleDefinition {
  readonly kind: 'schedule';
  readonly name: string;
  readonly group: string;
  readonly description?: string;
  readonly expression: string;
  readonly timezone: string;
  readonly flexibleWindowMinutes?: number;
  readonly start?: Date;
  readonly end?: Date;
  readonly enabled: boolean;
  readonly target: { readonly workflow: string; readonly input: unknown };
  readonly retryPolicy: { readonly maximumRetryAttempts: number; readonly maximumEventAgeSeconds: number };
  readonly deadLetterQueueArn?: string;
  readonly actionAfterCompletion: 'NONE' | 'DELETE';
}

export const DEFAULT_SCHEDULE_GROUP = 'default';
const NAME = /^[0-9a-zA-Z\-_.]{1,64}$/;
/** Scheduler's pattern for a dead-letter queue: an SQS queue's ARN in any partition. */
const SQS_ARN = /^arn:aws(-[a-z]+)*:sqs:[a-z0-9\-]+:\d{12}:[a-zA-Z0-9\-_]{1,80}(\.fifo)?$/;
/** Scheduler's limit on a target's Input. */
const MAX_INPUT_CHARS = 8192;

export function defineSchedule(props: ScheduleDefinitionProps): ScheduleDefinition {
  const fail = (problem: string): never => {
    throw new BuilderError(`schedule ${props.name}: ${problem}`);
  };
  if (!NAME.test(props.name)) throw new BuilderError(`schedule "${props.name}": names are 1–64 letters, digits, '-', '_' or '.'`);
  const group = props.group ?? DEFAULT_SCHEDULE_GROUP;
  if (!NAME.test(group)) fail(`group "${group}": names are 1–64 letters, digits, '-', '_' or '.'`);
  if (props.description !== undefined && props.description.length > 512) fail('the description is longer than 512 characters');
  const timezone = props.timezone ?? 'UTC';
  if (!isTimeZone(timezone)) fail(`"${timezone}" is not an IANA time zone`);
  const problem = checkScheduleExpression(props.expression);
  if (problem) fail(`${props.expression}: ${problem}`);
  const window = props.flexibleWindowMinutes;
  if (window !== undefined && !(Number.isInteger(window) && window >= 1 && window <= 1440)) fail(`flexibleWindowMinutes must be a whole number from 1 to 1440, not ${window}`);
  const start = props.start === undefined ? undefined : dateOf(props.start, 'start', fail);
  const end = props.end === undefined ? undefined : dateOf(props.end, 'end', fail);
  if (start && end && start.getTime() >= end.getTime()) fail(`start (${start.toISOString()}) must be before end (${end.toISOString()})`);
  if (props.deadLetterQueueArn !== undefined && !SQS_ARN.test(props.deadLetterQueueArn)) fail(`deadLetterQueueArn "${props.deadLetterQueueArn}" is not an SQS queue's ARN (arn:aws:sqs:<region>:<account>:<queue>)`);
  const input = props.target.input ?? {};
  const text = JSON.stringify(input) as string | undefined;
  if (text === undefined) fail('the target input is not a JSON value');
  else if (text.length > MAX_INPUT_CHARS) fail(`the target input is ${text.length} characters as JSON, over Scheduler's ${MAX_INPUT_CHARS}`);
  return {
    kind: 'schedule',
    name: props.name,
    group,
    ...(props.description !== undefined ? { description: props.description } : {}),
    expression: props.expression,
    timezone,
    ...(window !== undefined ? { flexibleWindowMinutes: window } : {}),
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    enabled: props.enabled ?? true,
    target: { workflow: props.target.workflow, input },
    retryPolicy: retryPolicy(props.retryPolicy, fail),
    ...(props.deadLetterQueueArn !== undefined ? { deadLetterQueueArn: props.deadLetterQueueArn } : {}),
    actionAfterCompletion: props.actionAfterCompletion ?? 'NONE',
  };
}

/** `group/name`: how schedules are told apart across packages. */
export function scheduleKey(schedule: Pick<ScheduleDefinition, 'group' | 'name'>): string {
  return `${schedule.group}/${schedule.name}`;
}

/**
 * Each schedule starts a workflow of the package, with an input its schema accepts (strings holding
 * Scheduler's context attributes are strings like any other).
 */
export function checkScheduleTargets(schedules: readonly ScheduleDefinition[], workflows: readonly { name: string; props: { input: TSchema } }[]): void {
  for (const schedule of schedules) {
    const workflow = workflows.find((candidate) => candidate.name === schedule.target.workflow);
    if (!workflow) throw new BuilderError(`schedule ${schedule.name} targets "${schedule.target.workflow}", which is not a workflow of this package (${workflows.map((w) => w.name).join(', ')})`);
    const problems = validatePayload(workflow.props.input, schedule.target.input, `input of schedule ${schedule.name}`);
    if (problems.length > 0) throw new BuilderError(`schedule ${schedule.name}: its input does not fit workflow ${workflow.name}: ${problems.map((p) => `${p.path || '/'} ${p.message}`).join('; ')}`);
  }
}

function retryPolicy(props: ScheduleDefinitionProps['retryPolicy'], fail: (problem: string) => never): ScheduleDefinition['retryPolicy'] {
  const attempts = props?.maximumRetryAttempts ?? 185;
  const age = props?.maximumEventAgeSeconds ?? 86_400;
  if (!(Number.isInteger(attempts) && attempts >= 0 && attempts <= 185)) fail(`retryPolicy.maximumRetryAttempts must be a whole number from 0 to 185, not ${attempts}`);
  if (!(Number.isInteger(age) && age >= 60 && age <= 86_400)) fail(`retryPolicy.maximumEventAgeSeconds must be a whole number from 60 to 86400, not ${age}`);
  return { maximumRetryAttempts: attempts, maximumEventAgeSeconds: age };
}

function dateOf(value: Date | string, field: string, fail: (problem: string) => never): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) fail(`${field} "${String(value)}" is not a date`);
  return date;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
