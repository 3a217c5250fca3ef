/**
 * Replays: send an archive's events from a time window back to their bus, each carrying
 * `replay-name`, to all rules or only those in `Destination.FilterArns`. Progress is stored per
 * batch, so a replay interrupted by a restart continues where it stopped.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-replay-archived-event.html
 */
import type { CancelReplayResponse, DescribeReplayResponse, ReplayDestination, ReplayState, StartReplayRequest, StartReplayResponse } from '@aws-sdk/client-eventbridge';
import { archiveArn, replayArn, resourceNameOf, type Location } from './arns';
import type { EventsDb } from './database';
import { alreadyExists, constraintViolation, EventsApiError, replayNotFound, validation } from './errors';
import { requireName } from './names';

interface ReplayRow {
  name: string;
  archive: string;
  destination: string;
  event_start: number;
  event_end: number;
  description: string | null;
  state: ReplayState;
  state_reason: string | null;
  replay_start: number;
  replay_end: number | null;
  last_replayed: number | null;
  next_seq: number;
}

export interface ReplayWork {
  name: string;
  archive: string;
  destination: ReplayDestination;
  eventStart: number;
  eventEnd: number;
  afterSeq: number;
}

export class ReplayStore {
  constructor(
    private readonly db: EventsDb,
    private readonly location: Location,
    /** The source bus of an archive; throws ResourceNotFoundException for an unknown one. */
    private readonly archiveBus: (archive: string) => string,
  ) {}

  start(input: StartReplayRequest, nowMs: number): StartReplayResponse {
    const name = requireName(input.ReplayName, 'replayName');
    const archive = typeof input.EventSourceArn === 'string' ? resourceNameOf(input.EventSourceArn, 'archive') : undefined;
    if (archive === undefined) throw constraintViolation(input.EventSourceArn ?? 'null', 'eventSourceArn', 'Member must be an archive ARN');
    const [start, end] = [timeOf(input.EventStartTime, 'eventStartTime'), timeOf(input.EventEndTime, 'eventEndTime')];
    if (start >= end) throw validation('Parameter EventStartTime is not valid. Reason: EventStartTime must be before EventEndTime.');
    if (this.row(name)) throw alreadyExists('Replay', name);
    const bus = this.archiveBus(archive);
    const destinationBus = typeof input.Destination?.Arn === 'string' ? resourceNameOf(input.Destination.Arn, 'event-bus') : undefined;
    if (destinationBus !== bus) throw validation('Parameter Destination.Arn is not valid. Reason: Cross event bus replay is not permitted.');
    this.db
      .prepare(
        `INSERT INTO replays (name, archive, destination, event_start, event_end, description, state, replay_start)
         VALUES (?, ?, ?, ?, ?, ?, 'STARTING', ?)`,
      )
      .run(name, archive, JSON.stringify(input.Destination), start, end, input.Description ?? null, nowMs);
    return { ReplayArn: replayArn(this.location, name), State: 'STARTING', ReplayStartTime: new Date(nowMs) };
  }

  describe(name: string): DescribeReplayResponse {
    const row = this.require(name);
    return {
      ReplayName: row.name,
      ReplayArn: replayArn(this.location, row.name),
      ...(row.description !== null ? { Description: row.description } : {}),
      State: row.state,
      ...(row.state_reason !== null ? { StateReason: row.state_reason } : {}),
      EventSourceArn: archiveArn(this.location, row.archive),
      Destination: JSON.parse(row.destination) as ReplayDestination,
      EventStartTime: new Date(row.event_start),
      EventEndTime: new Date(row.event_end),
      ...(row.last_replayed !== null ? { EventLastReplayedTime: new Date(row.last_replayed) } : {}),
      ReplayStartTime: new Date(row.replay_start),
      ...(row.replay_end !== null ? { ReplayEndTime: new Date(row.replay_end) } : {}),
    };
  }

  cancel(name: string): CancelReplayResponse {
    const row = this.require(name);
    if (row.state !== 'STARTING' && row.state !== 'RUNNING') {
      throw new EventsApiError('IllegalStatusException', `Replay ${name} is not in a valid state for this operation.`);
    }
    this.db.prepare("UPDATE replays SET state = 'CANCELLING' WHERE name = ?").run(name);
    return { ReplayArn: replayArn(this.location, name), State: 'CANCELLING' };
  }

  /** Replays still to run (after a restart too). */
  unfinished(): ReplayWork[] {
    const rows = this.db.prepare("SELECT * FROM replays WHERE state IN ('STARTING', 'RUNNING', 'CANCELLING') ORDER BY replay_start").all() as ReplayRow[];
    return rows.map((row) => ({
      name: row.name,
      archive: row.archive,
      destination: JSON.parse(row.destination) as ReplayDestination,
      eventStart: row.event_start,
      eventEnd: row.event_end,
      afterSeq: row.next_seq,
    }));
  }

  state(name: string): ReplayState {
    return this.require(name).state;
  }

  /** Call inside the transaction that routes the batch. */
  progress(name: string, afterSeq: number, lastReplayed: number | undefined): void {
    this.db
      .prepare("UPDATE replays SET state = CASE state WHEN 'STARTING' THEN 'RUNNING' ELSE state END, next_seq = ?, last_replayed = COALESCE(?, last_replayed) WHERE name = ?")
      .run(afterSeq, lastReplayed ?? null, name);
  }

  finish(name: string, state: 'COMPLETED' | 'CANCELLED' | 'FAILED', nowMs: number, reason?: string): void {
    this.db.prepare('UPDATE replays SET state = ?, state_reason = ?, replay_end = ? WHERE name = ?').run(state, reason ?? null, nowMs, name);
  }

  private require(name: string): ReplayRow {
    const row = this.row(name);
    if (!row) throw replayNotFound(name);
    return row;
  }

  private row(name: string): ReplayRow | undefined {
    return this.db.prepare('SELECT * FROM replays WHERE name = ?').get(name) as ReplayRow | undefined;
  }
}

function timeOf(value: unknown, member: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw constraintViolation(value ?? 'null', member, 'Member must not be null');
  return ms;
}
