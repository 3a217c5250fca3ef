/**
 * Routes an accepted event: finds the matching rules through the bus's index, renders each target's
 * input and queues one delivery per target, and archives the event. Callers run it inside the
 * transaction that accepts the event, so acceptance and routing commit together.
 */
import type { Target } from '@aws-sdk/client-eventbridge';
import { renderTargetInput, type TargetInput } from '../transform';
import type { ArchiveStore } from './archive-store';
import { eventTime, type AwsEvent } from './aws-event';
import type { DeliveryStore } from './delivery-store';
import type { RuleStore, StoredRule } from './rule-store';
import type { TargetStore } from './target-store';

export interface RouteOptions {
  /** When the bus accepted the event (epoch ms). */
  ingested: number;
  /** Replays may be limited to some rules (`Destination.FilterArns`). */
  ruleArns?: readonly string[];
}

export class Router {
  constructor(
    private readonly rules: RuleStore,
    private readonly targets: TargetStore,
    private readonly deliveries: DeliveryStore,
    private readonly archives: ArchiveStore,
    /** Told of every event the bus accepted, with how many deliveries it queued (e.g. a console's recent events). */
    private readonly onRouted?: (bus: string, event: AwsEvent, queued: number) => void,
  ) {}

  /** @returns how many deliveries were queued */
  route(bus: string, event: AwsEvent, options: RouteOptions): number {
    this.archives.archive(bus, event, options.ingested);
    let queued = 0;
    for (const name of this.rules.matching(bus, event)) {
      const rule = this.rules.find(bus, name);
      if (!rule || (options.ruleArns && !options.ruleArns.includes(rule.arn))) continue;
      queued += this.deliverToTargets(rule, event, options.ingested);
    }
    this.onRouted?.(bus, event, queued);
    return queued;
  }

  /** Queues the event for each target of one rule (how scheduled rules fire). */
  deliverToTargets(rule: StoredRule, event: AwsEvent, ingested: number): number {
    let queued = 0;
    for (const target of this.targets.list(rule)) {
      const rendered = renderTargetInput(target as TargetInput, event, {
        ruleArn: rule.arn,
        ruleName: rule.name,
        eventBusName: rule.bus,
        ingestionTimeIso: eventTime(ingested),
      });
      // A transformer whose result is not deliverable drops the event for this target, as AWS does.
      if (!rendered.delivered) continue;
      this.deliveries.enqueue({ event, input: rendered.body, ruleArn: rule.arn, target: target as Target, ingested }, ingested);
      queued++;
    }
    return queued;
  }
}
