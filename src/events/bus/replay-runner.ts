/**
 * Runs replays in batches, yielding between batches so that CancelReplay can stop one midway.
 * Each batch is routed and recorded as progress in one transaction.
 */
import type { Clock } from '../../clock/clock';
import type { ArchiveStore } from './archive-store';
import type { AwsEvent } from './aws-event';
import type { EventsDb } from './database';
import type { ReplayStore, ReplayWork } from './replay-store';
import type { RouteOptions } from './router';

const BATCH_SIZE = 50;

export type RouteEvent = (bus: string, event: AwsEvent, options: RouteOptions) => void;

export class ReplayRunner {
  private running = false;
  private readonly active = new Set<string>();

  constructor(
    private readonly db: EventsDb,
    private readonly clock: Clock,
    private readonly replays: ReplayStore,
    private readonly archives: ArchiveStore,
    private readonly route: RouteEvent,
    private readonly onRouted: () => void,
  ) {}

  /** Starts (or continues after a restart) every unfinished replay. */
  start(): void {
    this.running = true;
    this.runPending();
  }

  stop(): void {
    this.running = false;
  }

  runPending(): void {
    if (!this.running) return;
    for (const work of this.replays.unfinished()) {
      if (this.active.has(work.name)) continue;
      this.active.add(work.name);
      void this.run(work).finally(() => this.active.delete(work.name));
    }
  }

  private async run(work: ReplayWork): Promise<void> {
    let afterSeq = work.afterSeq;
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (!this.running) return;
      if (this.replays.state(work.name) === 'CANCELLING') return this.replays.finish(work.name, 'CANCELLED', this.clock.now());
      let batch;
      try {
        batch = this.archives.events(work.archive, work.eventStart, work.eventEnd, afterSeq, BATCH_SIZE);
        if (batch.length > 0) this.routeBatch(work, batch);
      } catch (error) {
        // The archive was deleted under the replay.
        return this.replays.finish(work.name, 'FAILED', this.clock.now(), error instanceof Error ? error.message : String(error));
      }
      if (batch.length === 0) return this.replays.finish(work.name, 'COMPLETED', this.clock.now());
      afterSeq = batch[batch.length - 1].seq;
      this.onRouted();
    }
  }

  private routeBatch(work: ReplayWork, batch: ReturnType<ArchiveStore['events']>): void {
    const bus = this.archives.sourceBus(work.archive);
    const ruleArns = work.destination.FilterArns && work.destination.FilterArns.length > 0 ? work.destination.FilterArns : undefined;
    this.db.transaction(() => {
      const ingested = this.clock.now();
      for (const { event } of batch) this.route(bus, { ...event, 'replay-name': work.name }, { ingested, ...(ruleArns ? { ruleArns } : {}) });
      const last = batch[batch.length - 1];
      this.replays.progress(work.name, last.seq, last.time);
    })();
  }
}
