/** Query executions in `lake.db`: each row is the whole QueryExecution (times in epoch ms), rewritten at every state change. */
import type { LakeDb } from '../database';

export type QueryState = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

export interface StoredQuery {
  QueryExecutionId: string;
  Query: string;
  StatementType: 'DDL' | 'DML' | 'UTILITY';
  ResultConfiguration: { OutputLocation: string };
  QueryExecutionContext: { Database: string; Catalog: string };
  Status: {
    State: QueryState;
    StateChangeReason?: string;
    SubmissionDateTime: number;
    CompletionDateTime?: number;
    AthenaError?: { ErrorCategory: number; ErrorType: number; Retryable: boolean; ErrorMessage: string };
  };
  Statistics: { EngineExecutionTimeInMillis: number; DataScannedInBytes: number; TotalExecutionTimeInMillis: number; QueryQueueTimeInMillis: number; ServiceProcessingTimeInMillis: number };
  WorkGroup: string;
  /** Kept for idempotency; not part of Athena's output. */
  ClientRequestToken?: string;
}

export class QueryStore {
  constructor(private readonly db: LakeDb) {}

  insert(query: StoredQuery): void {
    this.db
      .prepare('INSERT INTO athena_queries (id, work_group, client_token, state, body) VALUES (?, ?, ?, ?, ?)')
      .run(query.QueryExecutionId, query.WorkGroup, query.ClientRequestToken ?? null, query.Status.State, JSON.stringify(query));
  }

  update(query: StoredQuery): void {
    this.db.prepare('UPDATE athena_queries SET state = ?, body = ? WHERE id = ?').run(query.Status.State, JSON.stringify(query), query.QueryExecutionId);
  }

  get(id: string): StoredQuery | undefined {
    const row = this.db.prepare('SELECT body FROM athena_queries WHERE id = ?').get(id) as { body: string } | undefined;
    return row ? JSON.parse(row.body) : undefined;
  }

  byToken(token: string): StoredQuery | undefined {
    const row = this.db.prepare('SELECT body FROM athena_queries WHERE client_token = ?').get(token) as { body: string } | undefined;
    return row ? JSON.parse(row.body) : undefined;
  }

  /** Newest first. */
  idsOf(workGroup: string): string[] {
    return (this.db.prepare('SELECT id FROM athena_queries WHERE work_group = ? ORDER BY seq DESC').all(workGroup) as { id: string }[]).map((row) => row.id);
  }

  unfinished(): StoredQuery[] {
    const rows = this.db.prepare("SELECT body FROM athena_queries WHERE state IN ('QUEUED', 'RUNNING') ORDER BY seq").all() as { body: string }[];
    return rows.map((row) => JSON.parse(row.body));
  }
}
