/**
 * Fires ENABLED schedules on the engine's clock: one timer per schedule, armed for its next firing
 * and re-armed after each. The planned firing is stored before the wait, so a restart keeps the
 * moment a flexible window picked; the firing itself commits the delivery and `last_fired`
 * together, so a restart never fires an occurrence twice.
 */
import type { Clock } from '../../clock/clock';
import { parseSchedulerSchedule } from '../schedules';
import { firstDue, flexibleDelayMs, type FiringWindow } from './firing-plan';
import type { ScheduleStore, StoredSchedule } from './schedule-store';

export interface RunnerHooks {
  /** Queues the occurrence's delivery and records it as the last firing, in one transaction. */
  fire(schedule: StoredSchedule, occurrence: number): void;
  /** The schedule has no occurrence left (its `at()` passed, or its EndDate). */
  complete(schedule: StoredSchedule): void;
}

export class ScheduleRunner {
  private readonly timers = new Map<string, AbortController>();
  private running = false;

  constructor(
    private readonly clock: Clock,
    private readonly store: ScheduleStore,
    private readonly random: () => number,
    private readonly hooks: RunnerHooks,
  ) {}

  /** Arms every schedule; an occurrence missed while the process was down fires late, once. */
  start(): void {
    this.running = true;
    for (const schedule of this.store.all()) this.sync(schedule.group, schedule.name);
  }

  stop(): void {
    this.running = false;
    for (const timer of this.timers.values()) timer.abort();
    this.timers.clear();
  }

  /** Re-arms (or cancels) a schedule's timer after it was created, updated, deleted or fired. */
  sync(group: string, name: string): void {
    const key = `${group}\u0000${name}`;
    this.timers.get(key)?.abort();
    this.timers.delete(key);
    const schedule = this.running ? this.store.find(group, name) : undefined;
    if (!schedule || schedule.state !== 'ENABLED') return;
    const occurrence = firstDue(windowOf(schedule), schedule.lastFired, this.clock.now());
    if (occurrence === undefined) return this.hooks.complete(schedule);
    const planned = schedule.planned?.occurrence === occurrence ? schedule.planned.due : undefined;
    const due = planned ?? occurrence + flexibleDelayMs(schedule.definition.FlexibleTimeWindow, this.random);
    if (planned === undefined) this.store.plan(group, name, occurrence, due);
    const controller = new AbortController();
    this.timers.set(key, controller);
    this.clock.sleepUntil(due, controller.signal).then(
      () => {
        if (controller.signal.aborted || !this.running) return;
        this.timers.delete(key);
        this.hooks.fire(schedule, occurrence);
        this.sync(group, name);
      },
      () => undefined,
    );
  }
}

function windowOf(schedule: StoredSchedule): FiringWindow {
  const { definition } = schedule;
  return {
    schedule: parseSchedulerSchedule(definition.ScheduleExpression, definition.ScheduleExpressionTimezone),
    ...(definition.StartDate !== undefined ? { startMs: definition.StartDate } : {}),
    ...(definition.EndDate !== undefined ? { endMs: definition.EndDate } : {}),
    armedAt: schedule.armedAt,
  };
}
