/**
 * The targets of each rule (at most five), stored as the `Target` objects PutTargets received.
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutTargets.html
 */
import type { PutTargetsResponse, RemoveTargetsResponse, Target } from '@aws-sdk/client-eventbridge';
import { TargetInputError, validateTargetInput } from '../transform';
import type { EventsDb } from './database';
import { constraintViolation, EventsApiError, validation } from './errors';
import { requireName } from './names';
import type { StoredRule } from './rule-store';

export const MAX_TARGETS_PER_RULE = 5;

export class TargetStore {
  constructor(private readonly db: EventsDb) {}

  put(rule: StoredRule, targets: unknown): PutTargetsResponse {
    if (!Array.isArray(targets) || targets.length === 0) throw constraintViolation(targets ?? 'null', 'targets', 'Member must have length greater than or equal to 1');
    if (targets.length > 10) throw constraintViolation('[...]', 'targets', 'Member must have length less than or equal to 10');
    const checked = (targets as Target[]).map((target, index) => checkTarget(target, index));
    const existing = new Set(this.list(rule).map((target) => target.Id));
    const added = new Set(checked.map((target) => target.Id).filter((id) => !existing.has(id)));
    if (existing.size + added.size > MAX_TARGETS_PER_RULE) {
      throw new EventsApiError('LimitExceededException', 'The requested resource exceeds the maximum number allowed.');
    }
    const upsert = this.db.prepare(
      `INSERT INTO targets (bus, rule, id, target, seq) VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM targets))
       ON CONFLICT (bus, rule, id) DO UPDATE SET target = excluded.target`,
    );
    this.db.transaction(() => {
      for (const target of checked) upsert.run(rule.bus, rule.name, target.Id, JSON.stringify(target));
    })();
    return { FailedEntryCount: 0, FailedEntries: [] };
  }

  /** Removing an id the rule does not have is not an error. */
  remove(rule: StoredRule, ids: unknown): RemoveTargetsResponse {
    if (!Array.isArray(ids) || ids.length === 0) throw constraintViolation(ids ?? 'null', 'ids', 'Member must have length greater than or equal to 1');
    const remove = this.db.prepare('DELETE FROM targets WHERE bus = ? AND rule = ? AND id = ?');
    this.db.transaction(() => {
      for (const id of ids) remove.run(rule.bus, rule.name, String(id));
    })();
    return { FailedEntryCount: 0, FailedEntries: [] };
  }

  list(rule: Pick<StoredRule, 'bus' | 'name'>): Target[] {
    const rows = this.db.prepare('SELECT target FROM targets WHERE bus = ? AND rule = ? ORDER BY seq').all(rule.bus, rule.name) as { target: string }[];
    return rows.map((row) => JSON.parse(row.target) as Target);
  }

  count(rule: Pick<StoredRule, 'bus' | 'name'>): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM targets WHERE bus = ? AND rule = ?').get(rule.bus, rule.name) as { n: number }).n;
  }

  deleteBus(bus: string): void {
    this.db.prepare('DELETE FROM targets WHERE bus = ?').run(bus);
  }
}

function checkTarget(target: Target, index: number): Target {
  if (target === null || typeof target !== 'object') throw constraintViolation(target, `targets.${index + 1}.member`, 'Member must not be null');
  requireName(target.Id, `targets.${index + 1}.member.id`);
  if (typeof target.Arn !== 'string' || target.Arn === '') throw constraintViolation(target.Arn ?? 'null', `targets.${index + 1}.member.arn`, 'Member must not be null');
  try {
    validateTargetInput(target as Parameters<typeof validateTargetInput>[0]);
  } catch (error) {
    if (error instanceof TargetInputError) throw validation(error.message);
    throw error;
  }
  if (target.Input !== undefined && !isJsonText(target.Input)) throw validation(`Input for target ${target.Id} is not a valid JSON text.`);
  checkRetryPolicy(target);
  return target;
}

function checkRetryPolicy(target: Target): void {
  const policy = target.RetryPolicy;
  if (!policy) return;
  const attempts = policy.MaximumRetryAttempts;
  if (attempts !== undefined && (!Number.isInteger(attempts) || attempts < 0 || attempts > 185)) {
    throw constraintViolation(attempts, 'targets.member.retryPolicy.maximumRetryAttempts', 'Member must have value between 0 and 185');
  }
  const age = policy.MaximumEventAgeInSeconds;
  if (age !== undefined && (!Number.isInteger(age) || age < 60 || age > 86400)) {
    throw constraintViolation(age, 'targets.member.retryPolicy.maximumEventAgeInSeconds', 'Member must have value between 60 and 86400');
  }
}

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
