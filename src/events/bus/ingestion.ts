/**
 * Everything that puts events on a bus: PutEvents, events from AWS services, events forwarded by a
 * bus target, and scheduled firings. Each commits the event's deliveries in one transaction before
 * returning, then wakes the delivery queue.
 */
import type { PutEventsRequest, PutEventsResponse, PutEventsResultEntry } from '@aws-sdk/client-eventbridge';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../clock/clock';
import { scheduledEvent } from '../schedules';
import { DEFAULT_BUS, type Location } from './arns';
import type { AwsEvent } from './aws-event';
import type { EventsDb } from './database';
import type { DeliveryQueue } from './delivery-queue';
import { buildEvent, checkEntries } from './put-events';
import type { Router } from './router';
import type { RuleStore, StoredRule } from './rule-store';

export class Ingestion {
  constructor(
    private readonly db: EventsDb,
    private readonly clock: Clock,
    private readonly location: Location,
    private readonly router: Router,
    private readonly rules: RuleStore,
    private readonly queue: DeliveryQueue,
    private readonly busExists: (bus: string) => boolean,
  ) {}

  putEvents(input: PutEventsRequest): PutEventsResponse {
    const entries = checkEntries(input.Entries);
    const ingested = this.clock.now();
    const context = { location: this.location, nowMs: ingested, newId: randomUUID, busExists: this.busExists };
    const results = this.db.transaction(() =>
      entries.map((entry): PutEventsResultEntry => {
        const outcome = buildEvent(entry, context);
        if (!outcome.ok) return outcome.result;
        this.router.route(outcome.bus, outcome.event, { ingested });
        return { EventId: outcome.event.id };
      }),
    )();
    this.queue.kick();
    return { FailedEntryCount: results.filter((result) => result.ErrorCode !== undefined).length, Entries: results };
  }

  /** An event with its envelope ready (from S3, Step Functions, or a bus target). */
  publish(event: AwsEvent, bus = DEFAULT_BUS): void {
    const ingested = this.clock.now();
    this.db.transaction(() => this.router.route(bus, event, { ingested }))();
    this.queue.kick();
  }

  /** A bus target's delivery; false when the destination bus does not exist. */
  forward(bus: string, event: AwsEvent): boolean {
    if (!this.busExists(bus)) return false;
    this.publish(event, bus);
    return true;
  }

  /** One occurrence of a scheduled rule: its targets only, recorded as the rule's last firing. */
  fireSchedule(rule: StoredRule, atMs: number, id: string): void {
    const { account, region } = this.location;
    const event: AwsEvent = { ...scheduledEvent({ account, region, ruleArn: rule.arn, timeMs: atMs, id }), resources: [rule.arn] };
    this.db.transaction(() => {
      this.router.deliverToTargets(rule, event, this.clock.now());
      this.rules.recordFiring(rule, atMs);
    })();
    this.queue.kick();
  }
}
