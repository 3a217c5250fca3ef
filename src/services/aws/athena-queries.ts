/**
 * {@link LakeQueries} with Athena (`@aws-sdk/client-athena` v3): start the query in the workgroup
 * (which fixes where and how results are written), poll until it ends, then read every page of
 * results. Waiting goes through an injected `sleep`, so tests never wait on a clock.
 */
import {
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  type AthenaClient,
  type QueryExecutionStatus,
  type Row,
} from '@aws-sdk/client-athena';
import { TaskFailure } from '../errors';
import type { LakeQueries, QueryRow } from '../lake';

export interface AthenaQueriesOptions {
  readonly workGroup: string;
  readonly database: string;
  /** Where results go when the workgroup does not say (`s3://bucket/prefix/`). @default - the workgroup's */
  readonly outputLocation?: string;
  /** @default 1000 */
  readonly pollMillis?: number;
  /** @default setTimeout */
  readonly sleep?: (millis: number) => Promise<void>;
}

/** Task failure names by the state a query ended in, so Retry and Catch can tell them apart. */
const FAILURE_NAMES: Readonly<Record<string, string>> = { FAILED: 'LakeQueryFailed', CANCELLED: 'LakeQueryCancelled' };

export class AthenaLakeQueries implements LakeQueries {
  private readonly sleep: (millis: number) => Promise<void>;

  constructor(
    private readonly athena: AthenaClient,
    private readonly options: AthenaQueriesOptions,
  ) {
    this.sleep = options.sleep ?? ((millis) => new Promise((resolve) => setTimeout(resolve, millis)));
  }

  async query(sql: string): Promise<QueryRow[]> {
    const { QueryExecutionId: id } = await this.athena.send(
      new StartQueryExecutionCommand({ QueryString: sql, WorkGroup: this.options.workGroup, QueryExecutionContext: { Database: this.options.database }, ...(this.options.outputLocation && { ResultConfiguration: { OutputLocation: this.options.outputLocation } }) }),
    );
    if (!id) throw new TaskFailure('LakeQueryFailed', 'Athena started no query execution.');
    await this.waitForSuccess(id);
    return this.results(id);
  }

  private async waitForSuccess(id: string): Promise<void> {
    for (;;) {
      const { QueryExecution } = await this.athena.send(new GetQueryExecutionCommand({ QueryExecutionId: id }));
      const status: QueryExecutionStatus = QueryExecution?.Status ?? {};
      if (status.State === 'SUCCEEDED') return;
      const failure = status.State === undefined ? undefined : FAILURE_NAMES[status.State];
      if (failure) throw new TaskFailure(failure, `Athena query ${id} ${status.State}: ${status.StateChangeReason ?? 'no reason given'}`);
      await this.sleep(this.options.pollMillis ?? 1000);
    }
  }

  private async results(id: string): Promise<QueryRow[]> {
    const rows: Row[] = [];
    let columns: string[] | undefined;
    let token: string | undefined;
    do {
      const page = await this.athena.send(new GetQueryResultsCommand({ QueryExecutionId: id, NextToken: token }));
      columns ??= (page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []).map((column, index) => column.Name ?? `_${index}`);
      rows.push(...(page.ResultSet?.Rows ?? []));
      token = page.NextToken;
    } while (token);
    const values = rows.map((row) => (row.Data ?? []).map((datum) => datum.VarCharValue ?? null));
    const names = columns ?? [];
    // A SELECT's first row repeats the column names; DDL and SHOW results have no such row.
    const data = values.length > 0 && sameValues(values[0]!, names) ? values.slice(1) : values;
    return data.map((row) => Object.fromEntries(names.map((name, index) => [name, row[index] ?? null])));
  }
}

function sameValues(row: readonly (string | null)[], names: readonly string[]): boolean {
  return row.length === names.length && names.every((name, index) => row[index] === name);
}
