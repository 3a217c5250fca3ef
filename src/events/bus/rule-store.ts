/**
 * Rules on each bus, stored in the database and mirrored in one `RuleIndex` per bus, so routing an
 * event tests only the rules its own field values can match.
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html
 */
import type { DescribeRuleResponse, ListRulesResponse, PutRuleRequest, Rule } from '@aws-sdk/client-eventbridge';
import { compileEventPattern, InvalidEventPatternError, RuleIndex } from '../patterns';
import { parseRuleSchedule, ScheduleExpressionError, type Schedule } from '../schedules';
import { ruleArn, type Location } from './arns';
import type { EventsDb } from './database';
import { EventsApiError, ruleNotFound, validation } from './errors';
import { requireName } from './names';
import { pageOf } from './pagination';

export type RuleState = 'ENABLED' | 'DISABLED';

export interface StoredRule {
  bus: string;
  name: string;
  arn: string;
  eventPattern?: string;
  scheduleExpression?: string;
  state: RuleState;
  description?: string;
  roleArn?: string;
  createdAt: number;
  lastFired?: number;
}

interface RuleRow {
  bus: string;
  name: string;
  event_pattern: string | null;
  schedule_expression: string | null;
  state: RuleState;
  description: string | null;
  role_arn: string | null;
  created_at: number;
  last_fired: number | null;
}

export class RuleStore {
  private readonly indexes = new Map<string, RuleIndex<string>>();

  constructor(
    private readonly db: EventsDb,
    private readonly location: Location,
    private readonly now: () => number,
  ) {
    for (const rule of this.all()) this.reindex(rule);
  }

  /** Creates or updates a rule (its targets stay); returns the stored rule. */
  put(input: PutRuleRequest, bus: string): StoredRule {
    const name = requireName(input.Name, 'name');
    const state = input.State ?? 'ENABLED';
    if (state !== 'ENABLED' && state !== 'DISABLED') throw validation(`1 validation error detected: Value '${state}' at 'state' failed to satisfy constraint: Member must satisfy enum value set: [ENABLED, DISABLED]`);
    if (input.EventPattern === undefined && input.ScheduleExpression === undefined) {
      throw validation('Parameter(s) EventPattern or ScheduleExpression must be specified.');
    }
    if (input.EventPattern !== undefined) compilePattern(input.EventPattern);
    if (input.ScheduleExpression !== undefined) parseSchedule(input.ScheduleExpression, bus);
    const previous = this.find(bus, name);
    this.db
      .prepare(
        `INSERT INTO rules (bus, name, event_pattern, schedule_expression, state, description, role_arn, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (bus, name) DO UPDATE SET event_pattern = excluded.event_pattern, schedule_expression = excluded.schedule_expression,
           state = excluded.state, description = excluded.description, role_arn = excluded.role_arn`,
      )
      .run(bus, name, input.EventPattern ?? null, input.ScheduleExpression ?? null, state, input.Description ?? null, input.RoleArn ?? null, previous?.createdAt ?? this.now());
    const rule = this.get(bus, name);
    this.reindex(rule);
    return rule;
  }

  find(bus: string, name: string): StoredRule | undefined {
    const row = this.db.prepare('SELECT * FROM rules WHERE bus = ? AND name = ?').get(bus, name) as RuleRow | undefined;
    return row && this.fromRow(row);
  }

  /** @throws ResourceNotFoundException */
  get(bus: string, name: string): StoredRule {
    const rule = this.find(bus, name);
    if (!rule) throw ruleNotFound(name, bus);
    return rule;
  }

  setState(bus: string, name: string, state: RuleState): StoredRule {
    this.get(bus, name);
    this.db.prepare('UPDATE rules SET state = ? WHERE bus = ? AND name = ?').run(state, bus, name);
    const rule = this.get(bus, name);
    this.reindex(rule);
    return rule;
  }

  delete(bus: string, name: string): void {
    this.db.prepare('DELETE FROM rules WHERE bus = ? AND name = ?').run(bus, name);
    this.indexes.get(bus)?.remove(name);
  }

  deleteBus(bus: string): void {
    this.db.prepare('DELETE FROM rules WHERE bus = ?').run(bus);
    this.indexes.delete(bus);
  }

  recordFiring(rule: StoredRule, atMs: number): void {
    this.db.prepare('UPDATE rules SET last_fired = ? WHERE bus = ? AND name = ?').run(atMs, rule.bus, rule.name);
  }

  /** Names of the ENABLED pattern rules on `bus` that match the event, in creation order. */
  matching(bus: string, event: object): string[] {
    return this.indexes.get(bus)?.match(event) ?? [];
  }

  all(): StoredRule[] {
    return (this.db.prepare('SELECT * FROM rules ORDER BY bus, name').all() as RuleRow[]).map((row) => this.fromRow(row));
  }

  describe(rule: StoredRule): DescribeRuleResponse {
    return { ...this.summary(rule), CreatedBy: this.location.account };
  }

  list(bus: string, namePrefix = '', limit?: number, nextToken?: string): ListRulesResponse {
    const rows = this.db.prepare("SELECT * FROM rules WHERE bus = ? AND substr(name, 1, length(?)) = ? ORDER BY name").all(bus, namePrefix, namePrefix) as RuleRow[];
    const page = pageOf(rows.map((row) => this.summary(this.fromRow(row))), limit, nextToken);
    return { Rules: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  }

  private summary(rule: StoredRule): Rule {
    return {
      Name: rule.name,
      Arn: rule.arn,
      ...(rule.eventPattern !== undefined ? { EventPattern: rule.eventPattern } : {}),
      ...(rule.scheduleExpression !== undefined ? { ScheduleExpression: rule.scheduleExpression } : {}),
      State: rule.state,
      ...(rule.description !== undefined ? { Description: rule.description } : {}),
      ...(rule.roleArn !== undefined ? { RoleArn: rule.roleArn } : {}),
      EventBusName: rule.bus,
    };
  }

  private reindex(rule: StoredRule): void {
    let index = this.indexes.get(rule.bus);
    if (!index) this.indexes.set(rule.bus, (index = new RuleIndex<string>()));
    if (rule.state === 'ENABLED' && rule.eventPattern !== undefined) index.add(rule.name, compileEventPattern(rule.eventPattern), rule.name);
    else index.remove(rule.name);
  }

  private fromRow(row: RuleRow): StoredRule {
    return {
      bus: row.bus,
      name: row.name,
      arn: ruleArn(this.location, row.bus, row.name),
      ...(row.event_pattern !== null ? { eventPattern: row.event_pattern } : {}),
      ...(row.schedule_expression !== null ? { scheduleExpression: row.schedule_expression } : {}),
      state: row.state,
      ...(row.description !== null ? { description: row.description } : {}),
      ...(row.role_arn !== null ? { roleArn: row.role_arn } : {}),
      createdAt: row.created_at,
      ...(row.last_fired !== null ? { lastFired: row.last_fired } : {}),
    };
  }
}

/** @throws InvalidEventPatternException with AWS's message */
export function compilePattern(pattern: string): ReturnType<typeof compileEventPattern> {
  try {
    return compileEventPattern(pattern);
  } catch (error) {
    if (error instanceof InvalidEventPatternError) throw new EventsApiError('InvalidEventPatternException', error.message);
    throw error;
  }
}

/** @throws ValidationException "Parameter ScheduleExpression is not valid." */
export function parseSchedule(expression: string, bus: string): Schedule {
  try {
    return parseRuleSchedule(expression, { eventBusName: bus });
  } catch (error) {
    if (error instanceof ScheduleExpressionError) throw validation(error.message);
    throw error;
  }
}
