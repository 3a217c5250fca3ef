/**
 * Fires ENABLED scheduled rules on the engine's clock: one timer per rule, armed for its next
 * occurrence and re-armed after each firing. On a virtual clock the timers fire in due order, so a
 * simulated week delivers every occurrence of every rule in time order. Each firing is recorded
 * with the rule, so a restart never fires an occurrence twice.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../clock/clock';
import { nextOccurrence, parseRuleSchedule, type Schedule } from '../schedules';
import type { StoredRule } from './rule-store';

/** Delivers one occurrence and records it as the rule's last firing, in one transaction. */
export type FireRule = (rule: StoredRule, atMs: number, eventId: string) => void;

export class RuleScheduler {
  private readonly timers = new Map<string, AbortController>();
  private running = false;

  constructor(
    private readonly clock: Clock,
    private readonly fire: FireRule,
  ) {}

  /** Arms every scheduled rule; an occurrence missed while the process was down fires late, once. */
  start(rules: StoredRule[]): void {
    this.running = true;
    for (const rule of rules) this.sync(rule.bus, rule.name, rule, true);
  }

  stop(): void {
    this.running = false;
    for (const timer of this.timers.values()) timer.abort();
    this.timers.clear();
  }

  /**
   * Re-arms (or cancels) the rule's timer after it was put, enabled, disabled or deleted. A rule
   * (re)enabled through the API starts with the first occurrence after now, as on AWS.
   */
  sync(bus: string, name: string, rule: StoredRule | undefined, catchUp = false): void {
    const key = `${bus}\u0000${name}`;
    this.timers.get(key)?.abort();
    this.timers.delete(key);
    if (!this.running || !rule || rule.state !== 'ENABLED' || rule.scheduleExpression === undefined) return;
    const controller = new AbortController();
    this.timers.set(key, controller);
    const schedule = parseRuleSchedule(rule.scheduleExpression, { eventBusName: rule.bus });
    const now = this.clock.now();
    const first = catchUp ? firstDue(schedule, rule, now) : nextOccurrence(schedule, Math.max(now, rule.lastFired ?? now), rule.createdAt);
    this.run(rule, schedule, first, controller.signal).catch(() => undefined);
  }

  private async run(rule: StoredRule, schedule: Schedule, first: number | undefined, signal: AbortSignal): Promise<void> {
    let next = first;
    while (next !== undefined) {
      await this.clock.sleepUntil(next, signal);
      if (signal.aborted) return;
      this.fire(rule, next, randomUUID());
      next = nextOccurrence(schedule, next, rule.createdAt);
    }
  }
}

/**
 * The first occurrence to fire after a restart: the one after the last firing; if the process was
 * down when some came due, only the latest of those fires (late), not the whole backlog.
 */
function firstDue(schedule: Schedule, rule: StoredRule, nowMs: number): number | undefined {
  let next = nextOccurrence(schedule, rule.lastFired ?? rule.createdAt, rule.createdAt);
  for (;;) {
    if (next === undefined || next > nowMs) return next;
    const after = nextOccurrence(schedule, next, rule.createdAt);
    if (after === undefined || after > nowMs) return next;
    next = after;
  }
}
