/**
 * The delivery queue: one row per (event, rule, target), committed with the PutEvents that
 * accepted the event and deleted once the target took it, so a restart delivers whatever was left.
 * Exhausted rows move to the dead-letter table in the same transaction.
 */
import type { Target } from '@aws-sdk/client-eventbridge';
import type { AwsEvent } from './aws-event';
import type { ExhaustedRetryCondition } from './retry-policy';
import type { EventsDb } from './database';

export interface Delivery {
  seq: number;
  event: AwsEvent;
  /** The body the target receives (after Input, InputPath or InputTransformer). */
  input: string;
  ruleArn: string;
  target: Target;
  /** When the bus accepted the event (epoch ms), what MaximumEventAgeInSeconds counts from. */
  ingested: number;
  /** Failed attempts so far. */
  attempts: number;
  due: number;
}

export type NewDelivery = Omit<Delivery, 'seq' | 'attempts' | 'due'>;

/** What a dead-letter message carries besides the event: AWS's message attribute names. */
export interface DeadLetterAttributes {
  RULE_ARN: string;
  TARGET_ARN: string;
  /** From AWS's catalogue: `NO_RESOURCE`, `ERROR_FROM_TARGET`, `INVALID_JSON`, … */
  ERROR_CODE: string;
  ERROR_MESSAGE: string;
  /** Absent when the error was not retryable and no retry was attempted. */
  EXHAUSTED_RETRY_CONDITION?: ExhaustedRetryCondition;
  RETRY_ATTEMPTS: string;
}

/** @typeParam A the message attributes: a rule's by default, the Scheduler has its own. */
export interface DeadLetter<A extends object = DeadLetterAttributes> {
  /** `DeadLetterConfig.Arn` of the target. */
  queueArn: string;
  /** The message: a rule sends the event, the Scheduler the target's input. */
  body: string;
  attributes: A;
  sentAt: number;
}

interface DeliveryRow {
  seq: number;
  event: string;
  input: string;
  rule_arn: string;
  target: string;
  ingested: number;
  attempts: number;
  due: number;
}

export class DeliveryStore {
  constructor(private readonly db: EventsDb) {}

  /** Call inside the transaction that accepts the event. */
  enqueue(delivery: NewDelivery, due: number): void {
    this.db
      .prepare('INSERT INTO deliveries (event, input, rule_arn, target, ingested, due) VALUES (?, ?, ?, ?, ?, ?)')
      .run(JSON.stringify(delivery.event), delivery.input, delivery.ruleArn, JSON.stringify(delivery.target), delivery.ingested, due);
  }

  dueBy(nowMs: number, limit: number, skip: ReadonlySet<number>): Delivery[] {
    const rows = this.db.prepare('SELECT * FROM deliveries WHERE due <= ? ORDER BY due, seq LIMIT ?').all(nowMs, limit + skip.size) as DeliveryRow[];
    return rows.filter((row) => !skip.has(row.seq)).slice(0, limit).map(fromRow);
  }

  /** The earliest due time after `nowMs`, for arming the next wake-up. */
  nextDueAfter(nowMs: number): number | undefined {
    const row = this.db.prepare('SELECT MIN(due) AS due FROM deliveries WHERE due > ?').get(nowMs) as { due: number | null };
    return row.due ?? undefined;
  }

  pendingCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM deliveries').get() as { n: number }).n;
  }

  complete(seq: number): void {
    this.db.prepare('DELETE FROM deliveries WHERE seq = ?').run(seq);
  }

  reschedule(seq: number, attempts: number, due: number): void {
    this.db.prepare('UPDATE deliveries SET attempts = ?, due = ? WHERE seq = ?').run(attempts, due, seq);
  }

  /** Drops the delivery, keeping it as a dead letter when the target has a dead-letter queue. */
  abandon(delivery: Delivery, letter: DeadLetter<object> | undefined): void {
    this.db.transaction(() => {
      this.complete(delivery.seq);
      if (letter) {
        this.db
          .prepare('INSERT INTO dead_letters (queue_arn, body, attributes, sent_at) VALUES (?, ?, ?, ?)')
          .run(letter.queueArn, letter.body, JSON.stringify(letter.attributes), letter.sentAt);
      }
    })();
  }

  deadLetters<A extends object = DeadLetterAttributes>(queueArn?: string): DeadLetter<A>[] {
    const rows = (
      queueArn === undefined
        ? this.db.prepare('SELECT * FROM dead_letters ORDER BY seq').all()
        : this.db.prepare('SELECT * FROM dead_letters WHERE queue_arn = ? ORDER BY seq').all(queueArn)
    ) as { queue_arn: string; body: string; attributes: string; sent_at: number }[];
    return rows.map((row) => ({ queueArn: row.queue_arn, body: row.body, attributes: JSON.parse(row.attributes) as A, sentAt: row.sent_at }));
  }
}

function fromRow(row: DeliveryRow): Delivery {
  return {
    seq: row.seq,
    event: JSON.parse(row.event) as AwsEvent,
    input: row.input,
    ruleArn: row.rule_arn,
    target: JSON.parse(row.target) as Target,
    ingested: row.ingested,
    attempts: row.attempts,
    due: row.due,
  };
}
