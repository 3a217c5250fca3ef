/**
 * RedriveExecution: a FAILED, TIMED_OUT or ABORTED STANDARD execution that ended less than 14 days
 * ago continues from where it failed (see redrive.ts for what is kept and what runs again).
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_RedriveExecution.html
 */
import type { ExecutionRedriveStatus } from '@aws-sdk/client-sfn';
import type { StoredEvent } from '../interpreter/history/events';
import type { Db, ExecutionRecord, ExecutionStore, SqliteHistorySink } from '../store';
import { ExecutionNotRedrivable } from './errors';
import type { ExecutionRunner } from './execution-runner';
import { redriveRenames } from './redrive';
import type { DurableTaskTokenBroker } from './task-tokens';

const REDRIVE_WINDOW_MS = 14 * 24 * 3600 * 1000;
const MAX_REDRIVES = 1000;
const REDRIVABLE = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);

/** Why an execution cannot be redriven, or undefined when it can. */
export function notRedrivableReason(r: ExecutionRecord, now: number): string | undefined {
  if (r.type !== 'STANDARD') return 'Express executions cannot be redriven';
  if (!REDRIVABLE.has(r.status)) return `Execution is ${r.status} and cannot be redriven`;
  if (r.stopDate !== undefined && now - r.stopDate > REDRIVE_WINDOW_MS) return 'Execution can only be redriven within 14 days of its end';
  if (r.redriveCount >= MAX_REDRIVES) return `Execution has been redriven the maximum of ${MAX_REDRIVES} times`;
  return undefined;
}

export function redriveStatus(r: ExecutionRecord, now: number): { redriveStatus: ExecutionRedriveStatus; redriveStatusReason?: string } {
  if (r.status === 'RUNNING') return { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: 'Execution is RUNNING and cannot be redriven' };
  const reason = notRedrivableReason(r, now);
  return reason ? { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: reason } : { redriveStatus: 'REDRIVABLE' };
}

export function redriveExecution(
  deps: { db: Db; store: ExecutionStore; sink: SqliteHistorySink; runner: ExecutionRunner; tokens: DurableTaskTokenBroker },
  record: ExecutionRecord,
  now: number,
): Date {
  const reason = notRedrivableReason(record, now);
  if (reason) throw new ExecutionNotRedrivable(`Execution Not Redrivable: ${reason}: '${record.arn}'`);
  const redriveCount = record.redriveCount + 1;
  const events = deps.sink.load(record.arn);
  const renames = new Map(redriveRenames(events, redriveCount).map((r) => [r.id, r.key]));
  const lastId = events.reduce((max, e) => Math.max(max, e.id), 0);
  const redriven: StoredEvent = {
    id: lastId + 1,
    previousEventId: lastId,
    timestamp: now,
    type: 'ExecutionRedriven',
    key: `redrive:${redriveCount}`,
    details: { redriveCount },
  };
  // One transaction: a crash leaves the execution either failed as before or ready to continue.
  deps.db.transaction(() => {
    deps.sink.rekey(record.arn, [...renames].map(([id, key]) => ({ id, key })));
    deps.sink.append(record.arn, redriven);
    deps.sink.flush();
    deps.store.markRedriven(record.arn, now);
    deps.tokens.reset(record.arn);
  })();
  const replay = events.map((e) => (renames.has(e.id) ? { ...e, key: renames.get(e.id)! } : e));
  void deps.runner.launch({ ...record, status: 'RUNNING', redriveCount, redriveDate: now }, [...replay, redriven]);
  return new Date(now);
}
