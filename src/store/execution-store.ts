import type { ExecutionStatus } from '../interpreter/execution';
import type { Db } from './database';
import type { StateMachineType } from './state-machine-store';

export interface ExecutionRecord {
  arn: string;
  name: string;
  stateMachineArn: string;
  /** The definition the execution runs: a later UpdateStateMachine does not change it. */
  definition: string;
  roleArn: string;
  type: StateMachineType;
  status: ExecutionStatus;
  /** JSON text */
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  startDate: number;
  stopDate?: number;
  redriveCount: number;
  redriveDate?: number;
  parentArn?: string;
}

export interface ExecutionEnd {
  status: Exclude<ExecutionStatus, 'RUNNING'>;
  output?: string;
  error?: string;
  cause?: string;
  stopDate: number;
}

interface Row {
  arn: string;
  name: string;
  state_machine_arn: string;
  definition: string;
  role_arn: string;
  type: StateMachineType;
  status: ExecutionStatus;
  input: string;
  output: string | null;
  error: string | null;
  cause: string | null;
  start_date: number;
  stop_date: number | null;
  redrive_count: number;
  redrive_date: number | null;
  parent_arn: string | null;
}

export class ExecutionStore {
  constructor(private readonly db: Db) {}

  get(arn: string): ExecutionRecord | undefined {
    const row = this.db.prepare('SELECT * FROM executions WHERE arn = ?').get(arn) as Row | undefined;
    return row && fromRow(row);
  }

  insert(r: ExecutionRecord): void {
    this.db
      .prepare(
        `INSERT INTO executions (arn, name, state_machine_arn, definition, role_arn, type, status, input, start_date, redrive_count, parent_arn, seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM executions))`,
      )
      .run(r.arn, r.name, r.stateMachineArn, r.definition, r.roleArn, r.type, r.status, r.input, r.startDate, r.redriveCount, r.parentArn ?? null);
  }

  finish(arn: string, end: ExecutionEnd): void {
    this.db
      .prepare('UPDATE executions SET status = ?, output = ?, error = ?, cause = ?, stop_date = ? WHERE arn = ?')
      .run(end.status, end.output ?? null, end.error ?? null, end.cause ?? null, end.stopDate, arn);
  }

  markRedriven(arn: string, redriveDate: number): void {
    this.db
      .prepare(
        `UPDATE executions SET status = 'RUNNING', output = NULL, error = NULL, cause = NULL, stop_date = NULL,
         redrive_count = redrive_count + 1, redrive_date = ? WHERE arn = ?`,
      )
      .run(redriveDate, arn);
  }

  running(): ExecutionRecord[] {
    const rows = this.db.prepare(`SELECT * FROM executions WHERE status = 'RUNNING' AND type = 'STANDARD' ORDER BY seq`).all() as Row[];
    return rows.map(fromRow);
  }

  /** Newest first, as ListExecutions returns them. */
  list(stateMachineArn: string, status: ExecutionStatus | undefined, offset: number, limit: number): ExecutionRecord[] {
    const filter = status ? 'AND status = ?' : '';
    const params: unknown[] = status ? [stateMachineArn, status, limit, offset] : [stateMachineArn, limit, offset];
    const rows = this.db
      .prepare(`SELECT * FROM executions WHERE state_machine_arn = ? ${filter} ORDER BY seq DESC LIMIT ? OFFSET ?`)
      .all(...params) as Row[];
    return rows.map(fromRow);
  }

  /** EXPRESS executions are not kept after they end (AWS only logs them); this forgets one. */
  delete(arn: string): void {
    this.db.prepare('DELETE FROM executions WHERE arn = ?').run(arn);
  }
}

function fromRow(row: Row): ExecutionRecord {
  const r: ExecutionRecord = {
    arn: row.arn,
    name: row.name,
    stateMachineArn: row.state_machine_arn,
    definition: row.definition,
    roleArn: row.role_arn,
    type: row.type,
    status: row.status,
    input: row.input,
    startDate: row.start_date,
    redriveCount: row.redrive_count,
  };
  if (row.output !== null) r.output = row.output;
  if (row.error !== null) r.error = row.error;
  if (row.cause !== null) r.cause = row.cause;
  if (row.stop_date !== null) r.stopDate = row.stop_date;
  if (row.redrive_date !== null) r.redriveDate = row.redrive_date;
  if (row.parent_arn !== null) r.parentArn = row.parent_arn;
  return r;
}
