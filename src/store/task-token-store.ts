import type { Db } from './database';

/** WAITING until answered; then the answer is kept so a task resumed after a crash still gets it. */
export type TaskTokenStatus = 'WAITING' | 'SUCCEEDED' | 'FAILED' | 'CLOSED';

export interface TaskTokenRecord {
  token: string;
  executionArn: string;
  status: TaskTokenStatus;
  /** JSON text sent by SendTaskSuccess */
  output?: string;
  error?: string;
  cause?: string;
}

interface Row {
  token: string;
  execution_arn: string;
  status: TaskTokenStatus;
  output: string | null;
  error: string | null;
  cause: string | null;
}

export class TaskTokenStore {
  constructor(private readonly db: Db) {}

  get(token: string): TaskTokenRecord | undefined {
    const row = this.db.prepare('SELECT * FROM task_tokens WHERE token = ?').get(token) as Row | undefined;
    if (!row) return undefined;
    const r: TaskTokenRecord = { token: row.token, executionArn: row.execution_arn, status: row.status };
    if (row.output !== null) r.output = row.output;
    if (row.error !== null) r.error = row.error;
    if (row.cause !== null) r.cause = row.cause;
    return r;
  }

  /** Registers a waiting task unless the token is already known (answered before a restart). */
  open(token: string, executionArn: string): void {
    this.db.prepare(`INSERT OR IGNORE INTO task_tokens (token, execution_arn, status) VALUES (?, ?, 'WAITING')`).run(token, executionArn);
  }

  /** Records the answer; false when the task was no longer waiting. */
  answer(token: string, status: 'SUCCEEDED' | 'FAILED' | 'CLOSED', fields: { output?: string; error?: string; cause?: string } = {}): boolean {
    const result = this.db
      .prepare(`UPDATE task_tokens SET status = ?, output = ?, error = ?, cause = ? WHERE token = ? AND status = 'WAITING'`)
      .run(status, fields.output ?? null, fields.error ?? null, fields.cause ?? null, token);
    return result.changes === 1;
  }

  deleteForExecution(executionArn: string): void {
    this.db.prepare('DELETE FROM task_tokens WHERE execution_arn = ?').run(executionArn);
  }
}
