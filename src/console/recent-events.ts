/** The last events the bus accepted, kept in memory for the console's events page. */
import type { BusObservation, EventBus } from '../events/bus';

export const RECENT_EVENTS_KEPT = 200;

export class RecentEvents {
  private readonly kept: BusObservation[] = [];
  private readonly stop: () => void;

  constructor(bus: EventBus, private readonly limit = RECENT_EVENTS_KEPT) {
    this.stop = bus.observe((observation) => {
      this.kept.push(observation);
      if (this.kept.length > this.limit) this.kept.shift();
    });
  }

  /** Newest first. */
  list(): BusObservation[] {
    return [...this.kept].reverse();
  }

  close(): void {
    this.stop();
  }
}
