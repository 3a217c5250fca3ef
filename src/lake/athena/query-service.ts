/**
 * Athena's query API over the local lake. StartQueryExecution records the query QUEUED and returns
 * at once; a small pool runs queries on DuckDB's own threads (never the endpoint's event loop) and
 * records RUNNING, then SUCCEEDED with the result written to the output location, or FAILED with
 * the reason, or CANCELLED. Queries still QUEUED or RUNNING when the process stopped run again
 * when the lake reopens.
 * @see https://docs.aws.amazon.com/athena/latest/APIReference/API_Operations.html
 */
import { randomUUID } from 'node:crypto';
import { decodeOffsetToken, encodeOffsetToken } from '../../paging';
import type { ObjectStore } from '../../objects';
import type { Compactor } from '../compaction';
import type { DataCatalog } from '../glue/catalog';
import { parseS3Location } from '../locations';
import { QueryFailure } from '../sql/query-error';
import { runStatement, statementTypeOf } from '../sql/run-statement';
import type { StatementResult } from '../sql/result';
import { AthenaError, invalidRequest, queryNotFound } from './errors';
import { QueryStore, type QueryState, type StoredQuery } from './query-store';
import { readResult, resultFileUri, writeResult, type StoredResult } from './result-files';
import { EFFECTIVE_ENGINE_VERSION, WorkGroups } from './work-groups';
import { resultsPage } from './results-page';

type Request = Record<string, unknown>;

export interface AthenaServiceOptions {
  catalog: DataCatalog;
  objects: ObjectStore;
  queries: QueryStore;
  workGroups: WorkGroups;
  compactor?: Compactor;
  /** Queries running at once; more wait QUEUED. @default 2 */
  concurrency?: number;
  now?: () => number;
}

const FINAL: ReadonlySet<QueryState> = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);
const RECENT_RESULTS = 16;

export class AthenaService {
  private readonly now: () => number;
  private readonly waiting: string[] = [];
  private readonly running = new Map<string, AbortController>();
  private readonly listeners = new Map<string, Set<(query: StoredQuery) => void>>();
  /** The last few results, so paging through a fresh result does not re-read its file. */
  private readonly recent = new Map<string, StoredResult>();
  private closed = false;

  constructor(private readonly options: AthenaServiceOptions) {
    this.now = options.now ?? Date.now;
    for (const query of options.queries.unfinished()) this.enqueue(query.QueryExecutionId);
  }

  get workGroups(): WorkGroups {
    return this.options.workGroups;
  }

  startQueryExecution(request: Request): { QueryExecutionId: string } {
    const sql = request.QueryString;
    if (typeof sql !== 'string' || sql.trim() === '' || sql.length > 262144) throw invalidRequest("1 validation error detected: Value at 'queryString' failed to satisfy constraint: Member must have length between 1 and 262144");
    const token = request.ClientRequestToken;
    if (token !== undefined && (typeof token !== 'string' || token.length < 32 || token.length > 128)) {
      throw invalidRequest("1 validation error detected: Value at 'clientRequestToken' failed to satisfy constraint: Member must have length between 32 and 128");
    }
    if (typeof token === 'string') {
      const earlier = this.options.queries.byToken(token);
      if (earlier) {
        if (earlier.Query !== sql) throw invalidRequest('Idempotent parameters do not match');
        return { QueryExecutionId: earlier.QueryExecutionId };
      }
    }
    const workGroupName = typeof request.WorkGroup === 'string' && request.WorkGroup !== '' ? request.WorkGroup : 'primary';
    const workGroup = this.options.workGroups.get(workGroupName);
    if (workGroup.State !== 'ENABLED') throw invalidRequest(`WorkGroup ${workGroupName} is disabled.`);
    const requested = (request.ResultConfiguration as { OutputLocation?: unknown } | undefined)?.OutputLocation;
    const configured = workGroup.Configuration.ResultConfiguration?.OutputLocation;
    const output = workGroup.Configuration.EnforceWorkGroupConfiguration ? (configured ?? requested) : (requested ?? configured);
    if (typeof output !== 'string' || output === '') {
      throw invalidRequest('No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.');
    }
    if (!parseS3Location(output)) throw invalidRequest(`The output location '${output}' is not a valid s3:// URI.`);
    const context = (request.QueryExecutionContext ?? {}) as { Database?: unknown; Catalog?: unknown };
    const id = randomUUID();
    const statementType = statementTypeOf(sql);
    const query: StoredQuery = {
      QueryExecutionId: id,
      Query: sql,
      StatementType: statementType,
      ResultConfiguration: { OutputLocation: resultFileUri(output, id, statementType) },
      QueryExecutionContext: { Database: typeof context.Database === 'string' ? context.Database : 'default', Catalog: typeof context.Catalog === 'string' ? context.Catalog : 'AwsDataCatalog' },
      Status: { State: 'QUEUED', SubmissionDateTime: this.now() },
      Statistics: { EngineExecutionTimeInMillis: 0, DataScannedInBytes: 0, TotalExecutionTimeInMillis: 0, QueryQueueTimeInMillis: 0, ServiceProcessingTimeInMillis: 0 },
      WorkGroup: workGroupName,
      ...(typeof token === 'string' ? { ClientRequestToken: token } : {}),
    };
    this.options.queries.insert(query);
    this.enqueue(id);
    return { QueryExecutionId: id };
  }

  getQueryExecution(request: Request): { QueryExecution: Record<string, unknown> } {
    return { QueryExecution: executionOutput(this.query(request.QueryExecutionId)) };
  }

  batchGetQueryExecution(request: Request): { QueryExecutions: Record<string, unknown>[]; UnprocessedQueryExecutionIds: unknown[] } {
    const ids = Array.isArray(request.QueryExecutionIds) ? request.QueryExecutionIds.map(String) : [];
    const found = ids.map((id) => ({ id, query: this.options.queries.get(id) }));
    return {
      QueryExecutions: found.filter((f) => f.query).map((f) => executionOutput(f.query!)),
      UnprocessedQueryExecutionIds: found.filter((f) => !f.query).map((f) => ({ QueryExecutionId: f.id, ErrorCode: 'INVALID_INPUT', ErrorMessage: `QueryExecution ${f.id} was not found` })),
    };
  }

  async getQueryResults(request: Request): Promise<Record<string, unknown>> {
    const query = this.query(request.QueryExecutionId);
    const state = query.Status.State;
    if (state === 'QUEUED' || state === 'RUNNING') throw invalidRequest(`Query has not yet finished. Current state: ${state}`);
    if (state !== 'SUCCEEDED') throw invalidRequest(`Query did not finish successfully. Final query state: ${state}`);
    const result = this.recent.get(query.QueryExecutionId) ?? (await this.readStored(query));
    return resultsPage(result, query.StatementType, request.MaxResults, request.NextToken);
  }

  stopQueryExecution(request: Request): Record<string, never> {
    const query = this.query(request.QueryExecutionId);
    if (FINAL.has(query.Status.State)) return {};
    const queued = this.waiting.indexOf(query.QueryExecutionId);
    if (queued >= 0) this.waiting.splice(queued, 1);
    this.running.get(query.QueryExecutionId)?.abort();
    this.finish(query, 'CANCELLED', { reason: 'Query cancelled by user' });
    return {};
  }

  listQueryExecutions(request: Request): { QueryExecutionIds: string[]; NextToken?: string } {
    const workGroup = typeof request.WorkGroup === 'string' && request.WorkGroup !== '' ? request.WorkGroup : 'primary';
    this.options.workGroups.get(workGroup);
    const size = request.MaxResults === undefined ? 50 : Number(request.MaxResults);
    if (!Number.isInteger(size) || size < 0 || size > 50) throw invalidRequest("1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50");
    const ids = this.options.queries.idsOf(workGroup);
    const start = typeof request.NextToken === 'string' && request.NextToken !== '' ? decodeOffset(request.NextToken) : 0;
    const page = ids.slice(start, start + (size || 50));
    const next = start + page.length;
    return { QueryExecutionIds: page, ...(next < ids.length ? { NextToken: encodeOffsetToken(next) } : {}) };
  }

  /** Resolves with the query once it is SUCCEEDED, FAILED or CANCELLED. */
  whenFinished(id: string, signal?: AbortSignal): Promise<StoredQuery> {
    const query = this.query(id);
    if (FINAL.has(query.Status.State)) return Promise.resolve(query);
    return new Promise((resolve, reject) => {
      const listeners = this.listeners.get(id) ?? new Set();
      const onAbort = (): void => {
        listeners.delete(listener);
        reject(signal?.reason ?? new Error('aborted'));
      };
      const listener = (finished: StoredQuery): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve(finished);
      };
      listeners.add(listener);
      this.listeners.set(id, listeners);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Stops taking queries and cancels the ones running. */
  close(): void {
    this.closed = true;
    this.waiting.length = 0;
    for (const controller of this.running.values()) controller.abort();
  }

  private query(id: unknown): StoredQuery {
    if (typeof id !== 'string' || id === '') throw invalidRequest("1 validation error detected: Value null at 'queryExecutionId' failed to satisfy constraint: Member must not be null");
    const query = this.options.queries.get(id);
    if (!query) throw queryNotFound(id);
    return query;
  }

  private enqueue(id: string): void {
    this.waiting.push(id);
    this.pump();
  }

  private pump(): void {
    while (!this.closed && this.running.size < (this.options.concurrency ?? 2) && this.waiting.length > 0) {
      const id = this.waiting.shift()!;
      const controller = new AbortController();
      this.running.set(id, controller);
      void this.execute(id, controller.signal).finally(() => {
        this.running.delete(id);
        this.pump();
      });
    }
  }

  private async execute(id: string, signal: AbortSignal): Promise<void> {
    const query = this.options.queries.get(id);
    if (!query || FINAL.has(query.Status.State)) return;
    const started = this.now();
    query.Status.State = 'RUNNING';
    query.Statistics.QueryQueueTimeInMillis = started - query.Status.SubmissionDateTime;
    this.options.queries.update(query);
    let result: StatementResult;
    try {
      // Yield first, so StartQueryExecution's caller sees QUEUED or RUNNING before any work is done.
      await new Promise((resolve) => setImmediate(resolve));
      result = await runStatement(query.Query, { catalog: this.options.catalog, objects: this.options.objects, database: query.QueryExecutionContext.Database, signal, compactor: this.options.compactor });
      if (signal.aborted) return;
      await writeResult(this.options.objects, query.ResultConfiguration.OutputLocation, result).catch((err: unknown) => {
        throw new QueryFailure(`Unable to write the result to ${query.ResultConfiguration.OutputLocation}: ${(err as Error).message}`);
      });
    } catch (err) {
      if (signal.aborted || this.isFinal(id)) return;
      const failure = err instanceof QueryFailure ? err : new QueryFailure(err instanceof Error ? err.message : String(err), 1);
      this.finish(query, 'FAILED', { reason: failure.message, category: failure.category, engineMillis: this.now() - started });
      return;
    }
    if (this.isFinal(id)) return;
    this.remember(id, result);
    this.finish(query, 'SUCCEEDED', { engineMillis: this.now() - started, scanned: result.dataScannedBytes });
  }

  private isFinal(id: string): boolean {
    const current = this.options.queries.get(id);
    return current !== undefined && FINAL.has(current.Status.State);
  }

  private finish(query: StoredQuery, state: QueryState, outcome: { reason?: string; category?: number; engineMillis?: number; scanned?: number }): void {
    const now = this.now();
    query.Status.State = state;
    query.Status.CompletionDateTime = now;
    if (outcome.reason !== undefined) query.Status.StateChangeReason = outcome.reason;
    if (state === 'FAILED') query.Status.AthenaError = { ErrorCategory: outcome.category ?? 2, ErrorType: outcome.category === 1 ? 100 : 1100, Retryable: false, ErrorMessage: outcome.reason ?? '' };
    query.Statistics.EngineExecutionTimeInMillis = outcome.engineMillis ?? 0;
    query.Statistics.DataScannedInBytes = outcome.scanned ?? 0;
    query.Statistics.TotalExecutionTimeInMillis = now - query.Status.SubmissionDateTime;
    query.Statistics.ServiceProcessingTimeInMillis = Math.max(0, query.Statistics.TotalExecutionTimeInMillis - query.Statistics.EngineExecutionTimeInMillis - query.Statistics.QueryQueueTimeInMillis);
    this.options.queries.update(query);
    const listeners = this.listeners.get(query.QueryExecutionId);
    this.listeners.delete(query.QueryExecutionId);
    for (const listener of listeners ?? []) listener(query);
  }

  private remember(id: string, result: StatementResult): void {
    this.recent.set(id, { columns: result.columns, rows: result.rows, header: result.header });
    while (this.recent.size > RECENT_RESULTS) this.recent.delete(this.recent.keys().next().value!);
  }

  private async readStored(query: StoredQuery): Promise<StoredResult> {
    try {
      return await readResult(this.options.objects, query.ResultConfiguration.OutputLocation, query.StatementType);
    } catch (err) {
      throw new AthenaError('InvalidRequestException', `Unable to read the result of query ${query.QueryExecutionId} at ${query.ResultConfiguration.OutputLocation}: ${(err as Error).message}`, 'INVALID_INPUT');
    }
  }
}

export function executionOutput(query: StoredQuery): Record<string, unknown> {
  const { ClientRequestToken: _token, Status, ...rest } = query;
  return {
    ...rest,
    Status: { ...Status, SubmissionDateTime: new Date(Status.SubmissionDateTime), ...(Status.CompletionDateTime !== undefined ? { CompletionDateTime: new Date(Status.CompletionDateTime) } : {}) },
    EngineVersion: EFFECTIVE_ENGINE_VERSION,
  };
}

function decodeOffset(token: string): number {
  const offset = decodeOffsetToken(token);
  if (offset === undefined) throw invalidRequest('Invalid NextToken');
  return offset;
}
