/**
 * The local EventBridge Scheduler: schedules and schedule groups, fired on the engine's clock into
 * the same durable delivery queue as the bus (retry policy, dead letters), and invoking state
 * machines, Lambda functions and event buses. Its methods mirror the Scheduler API operations
 * (request and response shapes of `@aws-sdk/client-scheduler`).
 *
 * ```ts
 * const scheduler = new Scheduler({ dataDir, clock, lambda, bus });
 * scheduler.start(engine); // delivers what a previous process left queued, arms every schedule
 * ```
 * @see https://docs.aws.amazon.com/scheduler/latest/APIReference/Welcome.html
 */
import { locationOf } from '../../location';
import type * as Api from '@aws-sdk/client-scheduler';
import { randomUUID } from 'node:crypto';
import { WallClock, type Clock } from '../../clock/clock';
import type { LambdaInvoker } from '../../interpreter/integrations/services';
import type { AwsEvent } from '../bus/aws-event';
import { DeliveryQueue } from '../bus/delivery-queue';
import { DeliveryStore, type DeadLetter } from '../bus/delivery-store';
import type { ExecutionStarter } from '../bus/event-bus';
import type { TargetServices } from '../bus/target-invoker';
import { DEFAULT_GROUP, groupOfArn, scheduleArn, type Location } from './arns';
import { openSchedulerDatabase, type SchedulerDb } from './database';
import { checkDefinition } from './definition';
import { scheduleExists, scheduleNotFound, validation } from './errors';
import { GroupStore } from './group-store';
import { firingDelivery, scheduleDeadLetter } from './invocation';
import { optionalEnum, optionalString, requireName } from './names';
import { pageOf } from './pagination';
import { ScheduleRunner } from './schedule-runner';
import { ScheduleStore, type StoredSchedule } from './schedule-store';

export interface SchedulerOptions {
  /** Where `scheduler.db` lives; omitted, everything is kept in memory. */
  dataDir?: string;
  /** The engine's clock: schedules, retries and event times follow it. @default new WallClock() */
  clock?: Clock;
  /** @default 'us-east-1' */
  region?: string;
  /** @default '000000000000' */
  account?: string;
  /** Runs Lambda targets. */
  lambda?: LambdaInvoker;
  /** Receives event-bus targets' events (the local EventBus has `forward`). */
  bus?: { forward(bus: string, event: AwsEvent): boolean };
  /** Picks the moment within a flexible time window, in [0, 1). @default Math.random */
  random?: () => number;
}

/** The message attributes of a Scheduler dead letter. */
export interface ScheduleDeadLetterAttributes {
  SCHEDULE_ARN: string;
  TARGET_ARN: string;
  INVOCATION_ID: string;
  ERROR_CODE: string;
  ERROR_MESSAGE: string;
  EXHAUSTED_RETRY_CONDITION?: string;
  RETRY_ATTEMPTS: string;
}

export class Scheduler {
  readonly location: Location;
  readonly clock: Clock;
  private readonly db: SchedulerDb;
  private readonly groups: GroupStore;
  private readonly schedules: ScheduleStore;
  private readonly deliveries: DeliveryStore;
  private readonly services: TargetServices;
  private readonly queue: DeliveryQueue;
  private readonly runner: ScheduleRunner;

  constructor(options: SchedulerOptions = {}) {
    this.clock = options.clock ?? new WallClock();
    this.location = locationOf(options);
    this.db = openSchedulerDatabase(options.dataDir);
    this.groups = new GroupStore(this.db, this.location, this.clock.now());
    this.schedules = new ScheduleStore(this.db);
    this.deliveries = new DeliveryStore(this.db);
    const bus = options.bus;
    this.services = { ...(options.lambda ? { lambda: options.lambda } : {}), forward: (name, event) => bus?.forward(name, event) ?? false };
    this.queue = new DeliveryQueue(this.deliveries, this.clock, this.services, scheduleDeadLetter);
    this.runner = new ScheduleRunner(this.clock, this.schedules, options.random ?? Math.random, {
      fire: (schedule, occurrence) => this.fire(schedule, occurrence),
      complete: (schedule) => this.complete(schedule),
    });
  }

  /** Starts delivering (beginning with what a previous process left queued) and arms every schedule. */
  start(engine?: ExecutionStarter): void {
    if (engine) this.services.startExecution = (input) => engine.startExecution(input);
    this.queue.start();
    this.runner.start();
  }

  /** Stops timers and deliveries; queued deliveries stay in the database for the next process. */
  close(): void {
    if (!this.db.open) return;
    this.runner.stop();
    this.queue.stop();
    this.db.close();
  }

  /** Resolves once every delivery due now has been attempted (retries due later may remain). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** What schedules' dead-letter queues hold, optionally one queue's. */
  deadLetters(queueArn?: string): DeadLetter<ScheduleDeadLetterAttributes>[] {
    return this.deliveries.deadLetters<ScheduleDeadLetterAttributes>(queueArn);
  }

  createSchedule(input: Api.CreateScheduleInput): Api.CreateScheduleOutput {
    const name = requireName(input.Name, 'name');
    const group = this.existingGroup(input.GroupName);
    const definition = checkDefinition(input);
    if (this.schedules.find(group, name)) throw scheduleExists(name);
    this.schedules.insert(group, name, definition, this.clock.now());
    this.runner.sync(group, name);
    return { ScheduleArn: scheduleArn(this.location, group, name) };
  }

  /** Replaces every field (omitted ones take their defaults), as AWS's UpdateSchedule does. */
  updateSchedule(input: Api.UpdateScheduleInput): Api.UpdateScheduleOutput {
    const name = requireName(input.Name, 'name');
    const group = this.existingGroup(input.GroupName);
    const definition = checkDefinition(input);
    this.requireSchedule(group, name);
    this.schedules.replace(group, name, definition, this.clock.now());
    this.runner.sync(group, name);
    return { ScheduleArn: scheduleArn(this.location, group, name) };
  }

  getSchedule(input: Api.GetScheduleInput): Api.GetScheduleOutput {
    const name = requireName(input.Name, 'name');
    const schedule = this.requireSchedule(this.existingGroup(input.GroupName), name);
    const { definition } = schedule;
    return {
      ActionAfterCompletion: definition.ActionAfterCompletion,
      Arn: scheduleArn(this.location, schedule.group, schedule.name),
      CreationDate: new Date(schedule.creationDate),
      ...(definition.Description !== undefined ? { Description: definition.Description } : {}),
      ...(definition.EndDate !== undefined ? { EndDate: new Date(definition.EndDate) } : {}),
      FlexibleTimeWindow: definition.FlexibleTimeWindow,
      GroupName: schedule.group,
      ...(definition.KmsKeyArn !== undefined ? { KmsKeyArn: definition.KmsKeyArn } : {}),
      LastModificationDate: new Date(schedule.lastModificationDate),
      Name: schedule.name,
      ScheduleExpression: definition.ScheduleExpression,
      ScheduleExpressionTimezone: definition.ScheduleExpressionTimezone,
      ...(definition.StartDate !== undefined ? { StartDate: new Date(definition.StartDate) } : {}),
      State: definition.State,
      Target: definition.Target,
    };
  }

  deleteSchedule(input: Api.DeleteScheduleInput): Api.DeleteScheduleOutput {
    const name = requireName(input.Name, 'name');
    const group = this.existingGroup(input.GroupName);
    if (!this.schedules.delete(group, name)) throw scheduleNotFound(name);
    this.runner.sync(group, name);
    return {};
  }

  /** Every group's schedules by group and name, or one group's (`GroupName`), by NamePrefix and State. */
  listSchedules(input: Api.ListSchedulesInput = {}): Api.ListSchedulesOutput {
    const group = input.GroupName === undefined ? undefined : requireName(input.GroupName, 'groupName');
    const prefix = optionalString(input.NamePrefix, 'namePrefix', 64, 1) ?? '';
    const state = optionalEnum(input.State, 'state', ['ENABLED', 'DISABLED'] as const);
    const matching = this.schedules.all(group).filter((schedule) => schedule.name.startsWith(prefix) && (state === undefined || schedule.state === state));
    const page = pageOf(matching, input.MaxResults, input.NextToken);
    return { Schedules: page.items.map((schedule) => this.summary(schedule)), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  }

  createScheduleGroup(input: Api.CreateScheduleGroupInput): Api.CreateScheduleGroupOutput {
    return { ScheduleGroupArn: this.groups.create(input.Name, input.Tags, this.clock.now()) };
  }

  getScheduleGroup(input: Api.GetScheduleGroupInput): Api.GetScheduleGroupOutput {
    return this.groups.get(input.Name);
  }

  /** Deleting a group deletes its schedules. */
  deleteScheduleGroup(input: Api.DeleteScheduleGroupInput): Api.DeleteScheduleGroupOutput {
    const group = this.groups.delete(input.Name);
    const schedules = this.schedules.all(group);
    this.schedules.deleteGroup(group);
    for (const schedule of schedules) this.runner.sync(group, schedule.name);
    return {};
  }

  listScheduleGroups(input: Api.ListScheduleGroupsInput = {}): Api.ListScheduleGroupsOutput {
    const prefix = optionalString(input.NamePrefix, 'namePrefix', 64, 1) ?? '';
    const page = pageOf(this.groups.list(prefix), input.MaxResults, input.NextToken);
    return { ScheduleGroups: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  }

  listTagsForResource(input: Api.ListTagsForResourceInput): Api.ListTagsForResourceOutput {
    return { Tags: this.groups.tags(this.taggableGroup(input.ResourceArn)) };
  }

  tagResource(input: Api.TagResourceInput): Api.TagResourceOutput {
    this.groups.tag(this.taggableGroup(input.ResourceArn), input.Tags);
    return {};
  }

  untagResource(input: Api.UntagResourceInput): Api.UntagResourceOutput {
    const keys = input.TagKeys;
    if (!Array.isArray(keys) || keys.length === 0) throw validation("1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null");
    this.groups.untag(this.taggableGroup(input.ResourceArn), keys.map(String));
    return {};
  }

  private fire(schedule: StoredSchedule, occurrence: number): void {
    const firedAt = this.clock.now();
    const arn = scheduleArn(this.location, schedule.group, schedule.name);
    const delivery = firingDelivery({ schedule, arn, occurrence, firedAt, id: randomUUID() }, this.location);
    this.db.transaction(() => {
      this.deliveries.enqueue(delivery, firedAt);
      this.schedules.recordFiring(schedule.group, schedule.name, occurrence);
    })();
    this.queue.kick();
  }

  /** ActionAfterCompletion DELETE: the schedule goes once nothing is left to fire. */
  private complete(schedule: StoredSchedule): void {
    if (schedule.definition.ActionAfterCompletion === 'DELETE') this.schedules.delete(schedule.group, schedule.name);
  }

  private summary(schedule: StoredSchedule): Api.ScheduleSummary {
    return {
      Arn: scheduleArn(this.location, schedule.group, schedule.name),
      Name: schedule.name,
      GroupName: schedule.group,
      State: schedule.state,
      CreationDate: new Date(schedule.creationDate),
      LastModificationDate: new Date(schedule.lastModificationDate),
      Target: { Arn: schedule.definition.Target.Arn },
    };
  }

  private requireSchedule(group: string, name: string): StoredSchedule {
    const schedule = this.schedules.find(group, name);
    if (!schedule) throw scheduleNotFound(name);
    return schedule;
  }

  /** `GroupName` defaults to `default`; any other must exist. */
  private existingGroup(name: unknown): string {
    if (name === undefined || name === null) return DEFAULT_GROUP;
    const group = requireName(name, 'groupName');
    this.groups.require(group);
    return group;
  }

  private taggableGroup(arn: unknown): string {
    const text = typeof arn === 'string' ? arn : '';
    const group = groupOfArn(text);
    if (group === undefined) throw validation(`Tags can only be set on schedule groups, not on ${text || 'null'}.`);
    this.groups.require(group);
    return group;
  }
}
