/**
 * The local EventBridge: buses, rules, targets, PutEvents, archives and replays, with durable
 * at-least-once delivery and schedules on the engine's clock. Its methods mirror the EventBridge
 * API operations (request and response shapes of `@aws-sdk/client-eventbridge`).
 *
 * ```ts
 * const bus = new EventBus({ dataDir, clock, lambda });
 * const engine = new Engine({ dataDir, clock, lambda, events: bus.taskPublisher, onExecutionStatusChange: bus.executionStatusListener });
 * bus.start(engine); // delivers what a previous process left queued, arms schedules
 * ```
 */
import { locationOf } from '../../location';
import type * as Api from '@aws-sdk/client-eventbridge';
import { randomUUID } from 'node:crypto';
import { WallClock, type Clock } from '../../clock/clock';
import type { ExecutionStatusListener } from '../../control/engine';
import type { LambdaInvoker } from '../../interpreter/integrations/services';
import { InvalidEventError, InvalidEventPatternError, testEventPattern } from '../patterns';
import { ArchiveStore } from './archive-store';
import { busNameOf, DEFAULT_BUS, type Location } from './arns';
import type { AwsEvent } from './aws-event';
import { BusStore } from './bus-store';
import { openEventsDatabase, type EventsDb } from './database';
import { DeliveryQueue } from './delivery-queue';
import { DeliveryStore, type DeadLetter } from './delivery-store';
import { EventsApiError, validation } from './errors';
import { executionStatusEvent } from './execution-status-event';
import { pageOf } from './pagination';
import { Ingestion } from './ingestion';
import { ReplayStore } from './replay-store';
import { ReplayRunner } from './replay-runner';
import { Router, type RouteOptions } from './router';
import { RuleStore } from './rule-store';
import { RuleScheduler } from './rule-scheduler';
import { TargetStore } from './target-store';
import type { StartExecution, TargetServices } from './target-invoker';
import { TaskEventPublisher } from './task-event-publisher';
import { selfTriggerWarning } from './self-trigger';

export interface EventBusOptions {
  /** Where `events.db` lives; omitted, the bus keeps everything in memory. */
  dataDir?: string;
  /** The engine's clock: schedules, retries and event times follow it. @default new WallClock() */
  clock?: Clock;
  /** @default 'us-east-1' */
  region?: string;
  /** @default '000000000000' */
  account?: string;
  /** Runs Lambda targets. */
  lambda?: LambdaInvoker;
  /**
   * Told when PutTargets gives a rule a target that triggers the rule again (an infinite loop).
   * @default a `warning:` line on stderr
   */
  onWarning?: (message: string) => void;
}

/** What the bus needs from the Step Functions engine (the `Engine` has it). */
/** An event the bus accepted on `bus`, and how many target deliveries its rules queued. */
export interface BusObservation {
  bus: string;
  event: AwsEvent;
  queued: number;
}
export type BusObserver = (observation: BusObservation) => void;

export interface ExecutionStarter {
  startExecution: StartExecution;
}

export class EventBus {
  readonly location: Location;
  readonly clock: Clock;
  private readonly db: EventsDb;
  private readonly buses: BusStore;
  private readonly rules: RuleStore;
  private readonly targets: TargetStore;
  private readonly deliveries: DeliveryStore;
  private readonly archives: ArchiveStore;
  private readonly replays: ReplayStore;
  private readonly router: Router;
  private readonly queue: DeliveryQueue;
  private readonly scheduler: RuleScheduler;
  private readonly replayRunner: ReplayRunner;
  private readonly services: TargetServices;
  private readonly ingestion: Ingestion;
  private readonly warn: (message: string) => void;
  private readonly observers = new Set<BusObserver>();

  constructor(options: EventBusOptions = {}) {
    this.warn = options.onWarning ?? ((message) => void process.stderr.write(`warning: ${message}\n`));
    this.clock = options.clock ?? new WallClock();
    this.location = locationOf(options);
    const now = () => this.clock.now();
    this.db = openEventsDatabase(options.dataDir);
    this.buses = new BusStore(this.db, this.location, now);
    this.rules = new RuleStore(this.db, this.location, now);
    this.targets = new TargetStore(this.db);
    this.deliveries = new DeliveryStore(this.db);
    this.archives = new ArchiveStore(this.db, this.location, (bus) => this.buses.exists(bus));
    this.replays = new ReplayStore(this.db, this.location, (archive) => this.archives.sourceBus(archive));
    this.router = new Router(this.rules, this.targets, this.deliveries, this.archives, (bus, event, queued) => this.tellObservers(bus, event, queued));
    this.services = { ...(options.lambda ? { lambda: options.lambda } : {}), forward: (bus, event) => this.ingestion.forward(bus, event) };
    this.queue = new DeliveryQueue(this.deliveries, this.clock, this.services);
    this.ingestion = new Ingestion(this.db, this.clock, this.location, this.router, this.rules, this.queue, (bus) => this.buses.exists(bus));
    this.scheduler = new RuleScheduler(this.clock, (rule, atMs, id) => this.ingestion.fireSchedule(rule, atMs, id));
    const route = (bus: string, event: AwsEvent, routeOptions: RouteOptions) => void this.router.route(bus, event, routeOptions);
    this.replayRunner = new ReplayRunner(this.db, this.clock, this.replays, this.archives, route, () => this.queue.kick());
  }

  /** Starts delivering (beginning with what a previous process left queued), schedules and replays. */
  start(engine?: ExecutionStarter): void {
    if (engine) this.services.startExecution = (input) => engine.startExecution(input);
    this.archives.expire(this.clock.now());
    this.queue.start();
    this.scheduler.start(this.rules.all());
    this.replayRunner.start();
  }

  /** Stops timers and deliveries; queued deliveries stay in the database for the next process. */
  close(): void {
    if (!this.db.open) return;
    this.scheduler.stop();
    this.replayRunner.stop();
    this.queue.stop();
    this.db.close();
  }

  /** For the engine's `events` option: `events:putEvents` tasks put onto this bus. */
  readonly taskPublisher = new TaskEventPublisher((request) => this.putEvents(request));

  /** For the engine's `onExecutionStatusChange` option: AWS's status-change events on the default bus. */
  readonly executionStatusListener: ExecutionStatusListener = (change) => {
    this.publish(executionStatusEvent(change, this.location, randomUUID()));
  };

  /** Puts an event from an AWS service (S3, Step Functions), envelope ready, on a bus. */
  publish(event: AwsEvent, bus = DEFAULT_BUS): void {
    this.ingestion.publish(event, bus);
  }

  /** Puts an event on a bus of this runtime as a target delivery does; false when the bus does not exist. */
  forward(bus: string, event: AwsEvent): boolean {
    return this.ingestion.forward(bus, event);
  }

  /** Resolves once every delivery due now has been attempted (retries due later may remain). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Deliveries accepted but not yet taken by their target (due now or waiting for a retry). */
  pendingDeliveries(): number {
    return this.deliveries.pendingCount();
  }

  /** Tells `observer` of every event accepted on any bus, once routed. @returns the unsubscribe */
  observe(observer: BusObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  private tellObservers(bus: string, event: AwsEvent, queued: number): void {
    for (const observer of this.observers) {
      try {
        observer({ bus, event, queued });
      } catch (err) {
        process.emitWarning(`event bus observer failed: ${String(err)}`);
      }
    }
  }

  /** What targets' dead-letter queues hold, optionally one queue's. */
  deadLetters(queueArn?: string): DeadLetter[] {
    return this.deliveries.deadLetters(queueArn);
  }

  putEvents(input: Api.PutEventsRequest): Api.PutEventsResponse {
    return this.ingestion.putEvents(input);
  }

  testEventPattern(input: Api.TestEventPatternRequest): Api.TestEventPatternResponse {
    if (typeof input.EventPattern !== 'string') throw validation("1 validation error detected: Value null at 'eventPattern' failed to satisfy constraint: Member must not be null");
    if (typeof input.Event !== 'string') throw validation("1 validation error detected: Value null at 'event' failed to satisfy constraint: Member must not be null");
    try {
      return { Result: testEventPattern(input.EventPattern, input.Event) };
    } catch (error) {
      if (error instanceof InvalidEventPatternError) throw new EventsApiError('InvalidEventPatternException', error.message);
      if (error instanceof InvalidEventError) throw validation(error.message);
      throw error;
    }
  }

  putRule(input: Api.PutRuleRequest): Api.PutRuleResponse {
    const bus = this.existingBus(input.EventBusName);
    const rule = this.rules.put(input, bus);
    this.scheduler.sync(bus, rule.name, rule);
    return { RuleArn: rule.arn };
  }

  describeRule(input: Api.DescribeRuleRequest): Api.DescribeRuleResponse {
    return this.rules.describe(this.rules.get(this.existingBus(input.EventBusName), String(input.Name)));
  }

  listRules(input: Api.ListRulesRequest = {}): Api.ListRulesResponse {
    return this.rules.list(this.existingBus(input.EventBusName), input.NamePrefix, input.Limit, input.NextToken);
  }

  /** Deleting a rule that does not exist succeeds; one with targets does not. */
  deleteRule(input: Api.DeleteRuleRequest): Record<string, never> {
    const bus = this.existingBus(input.EventBusName);
    const rule = this.rules.find(bus, String(input.Name));
    if (!rule) return {};
    if (this.targets.count(rule) > 0) throw validation("Rule can't be deleted since it has targets.");
    this.rules.delete(bus, rule.name);
    this.scheduler.sync(bus, rule.name, undefined);
    return {};
  }

  enableRule(input: Api.EnableRuleRequest): Record<string, never> {
    return this.setRuleState(input, 'ENABLED');
  }

  disableRule(input: Api.DisableRuleRequest): Record<string, never> {
    return this.setRuleState(input, 'DISABLED');
  }

  /** Warns (it does not refuse, as AWS does not) when a target makes the rule trigger itself. */
  putTargets(input: Api.PutTargetsRequest): Api.PutTargetsResponse {
    const rule = this.rules.get(this.existingBus(input.EventBusName), String(input.Rule));
    const response = this.targets.put(rule, input.Targets);
    for (const target of input.Targets ?? []) {
      const warning = selfTriggerWarning(rule, target, this.location);
      if (warning) this.warn(warning);
    }
    return response;
  }

  /** Every rule a target of its own can trigger again (an infinite loop), as warnings to print. */
  selfTriggerWarnings(): string[] {
    return this.rules.all().flatMap((rule) => this.targets.list(rule).flatMap((target) => selfTriggerWarning(rule, target, this.location) ?? []));
  }

  removeTargets(input: Api.RemoveTargetsRequest): Api.RemoveTargetsResponse {
    return this.targets.remove(this.rules.get(this.existingBus(input.EventBusName), String(input.Rule)), input.Ids);
  }

  listTargetsByRule(input: Api.ListTargetsByRuleRequest): Api.ListTargetsByRuleResponse {
    const rule = this.rules.get(this.existingBus(input.EventBusName), String(input.Rule));
    const page = pageOf(this.targets.list(rule), input.Limit, input.NextToken);
    return { Targets: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  }

  createEventBus(input: Api.CreateEventBusRequest): Api.CreateEventBusResponse {
    return this.buses.create(input.Name, input.Description);
  }

  describeEventBus(input: Api.DescribeEventBusRequest = {}): Api.DescribeEventBusResponse {
    return this.buses.describe(busNameOf(input.Name));
  }

  /** Deleting a bus deletes its rules and their targets. */
  deleteEventBus(input: Api.DeleteEventBusRequest): Record<string, never> {
    const bus = busNameOf(input.Name);
    this.buses.delete(bus);
    for (const rule of this.rules.all().filter((r) => r.bus === bus)) this.scheduler.sync(bus, rule.name, undefined);
    this.rules.deleteBus(bus);
    this.targets.deleteBus(bus);
    return {};
  }

  listEventBuses(input: Api.ListEventBusesRequest = {}): Api.ListEventBusesResponse {
    const page = pageOf(this.buses.list(input.NamePrefix), input.Limit, input.NextToken);
    return { EventBuses: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  }

  createArchive(input: Api.CreateArchiveRequest): Api.CreateArchiveResponse {
    return this.archives.create(input, this.clock.now());
  }

  describeArchive(input: Api.DescribeArchiveRequest): Api.DescribeArchiveResponse {
    return this.archives.describe(String(input.ArchiveName));
  }

  listArchives(input: Api.ListArchivesRequest = {}): Api.ListArchivesResponse {
    return this.archives.list(input.NamePrefix);
  }

  deleteArchive(input: Api.DeleteArchiveRequest): Record<string, never> {
    this.archives.delete(String(input.ArchiveName));
    return {};
  }

  startReplay(input: Api.StartReplayRequest): Api.StartReplayResponse {
    const response = this.replays.start(input, this.clock.now());
    this.replayRunner.runPending();
    return response;
  }

  describeReplay(input: Api.DescribeReplayRequest): Api.DescribeReplayResponse {
    return this.replays.describe(String(input.ReplayName));
  }

  cancelReplay(input: Api.CancelReplayRequest): Api.CancelReplayResponse {
    return this.replays.cancel(String(input.ReplayName));
  }

  private setRuleState(input: { Name?: string; EventBusName?: string }, state: 'ENABLED' | 'DISABLED'): Record<string, never> {
    const bus = this.existingBus(input.EventBusName);
    const rule = this.rules.setState(bus, String(input.Name), state);
    this.scheduler.sync(bus, rule.name, rule);
    return {};
  }

  private existingBus(nameOrArn: string | undefined): string {
    const bus = busNameOf(nameOrArn);
    this.buses.require(bus);
    return bus;
  }
}
