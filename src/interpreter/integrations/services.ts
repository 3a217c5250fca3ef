/**
 * The services a Task reaches, injected by the host (the local engine or a test).
 * Each integration turns a Task's resource ARN into calls on these.
 */
import type { Json } from '../../asl/json';
import type { ExecutionInfo } from '../runtime';

export interface LambdaResponse {
  /** The response payload exactly as the function returned it (JSON text, or not). */
  payload: string;
  /** 'Unhandled' when the handler threw: the payload is then Lambda's error object. */
  functionError?: string;
  executedVersion: string;
}

export interface InvokeOptions {
  signal: AbortSignal;
  requestId: string;
}

export interface LambdaInvoker {
  /** Throws StatesError('Lambda.ResourceNotFoundException', …) for an unknown function. */
  invoke(functionName: string, payload: Json | undefined, options: InvokeOptions): Promise<LambdaResponse>;
}

export interface StartExecutionRequest {
  StateMachineArn: string;
  Input?: Json;
  Name?: string;
}

export interface NestedExecutions {
  /**
   * `mode`: 'async' returns at once; 'sync' and 'sync2' wait for the child to finish.
   * `stepId` names the parent's step and attempt, the same after a restart, so that a resumed parent
   * finds the child it already started instead of starting another.
   */
  start(request: StartExecutionRequest, mode: 'async' | 'sync' | 'sync2', parent: ExecutionInfo, signal: AbortSignal, stepId: string): Promise<Json>;
}

export interface EventPublisher {
  putEvents(entries: Json[], source: ExecutionInfo): Promise<Json>;
}

/** Where `.waitForTaskToken` tasks wait for SendTaskSuccess/Failure/Heartbeat. */
export interface TaskTokenBroker {
  /** Resolves with the output sent by SendTaskSuccess, rejects with a StatesError for SendTaskFailure. */
  wait(token: string, signal: AbortSignal, onHeartbeat: () => void): Promise<Json>;
}

/**
 * Athena as Step Functions' optimized integration calls it: requests and responses in the Athena
 * API's shapes. API errors reject with a StatesError named `Athena.<ErrorCode>`.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-athena.html
 */
export interface AthenaQueries {
  /**
   * `idempotencyKey` is the same for a step's attempt after a restart; without a ClientRequestToken
   * in the request it stands in for one, so a resumed task finds its query instead of starting another.
   */
  startQueryExecution(request: Json, idempotencyKey: string): Promise<Json>;
  getQueryExecution(request: Json): Promise<Json>;
  getQueryResults(request: Json): Promise<Json>;
  stopQueryExecution(request: Json): Promise<Json>;
  /** GetQueryExecution's output once the query is SUCCEEDED, FAILED or CANCELLED; rejects when `signal` aborts. */
  waitForQuery(queryExecutionId: string, signal: AbortSignal): Promise<Json>;
}

export interface TaskServices {
  lambda: LambdaInvoker;
  athena?: AthenaQueries;
  executions?: NestedExecutions;
  events?: EventPublisher;
  tokens?: TaskTokenBroker;
  /** A distributed Map's ItemReader reads through it. */
  items?: ItemSource;
  /** A distributed Map's ResultWriter writes through it. */
  results?: ResultSink;
}

/** One object as ListObjectsV2 lists it. */
export interface ListedObject {
  key: string;
  size: number;
  /** Quoted, as S3 returns it. */
  etag: string;
  /** Epoch milliseconds. */
  lastModified: number;
  storageClass: string;
}

/** Why the item source could not read: S3's error code and message, shown in States.ItemReaderFailed. */
export class ItemSourceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
    this.name = 'ItemSourceError';
  }
}

/**
 * Where a distributed Map's ItemReader reads its dataset (S3 on AWS, the local object store here).
 * Both calls stream: the Map pulls what it needs next, so memory follows the items in flight.
 * A missing bucket or key rejects with an ItemSourceError.
 */
export interface ItemSource {
  listObjects(bucket: string, prefix: string | undefined, signal: AbortSignal): AsyncIterable<ListedObject>;
  readObject(bucket: string, key: string, versionId: string | undefined, signal: AbortSignal): AsyncIterable<Uint8Array>;
}

/** One object being written, chunk by chunk. */
export interface ResultObjectWriter {
  write(text: string): Promise<void>;
  /** Finishes the object; resolves with its size in bytes. */
  close(): Promise<number>;
  /** Drops a partly written object. */
  abort(reason: unknown): void;
}

/**
 * Where a distributed Map's ResultWriter writes its manifest and result files (S3 on AWS).
 * A missing bucket rejects with an ItemSourceError.
 */
export interface ResultSink {
  open(bucket: string, key: string): ResultObjectWriter;
}
