/**
 * A distributed Map's ResultWriter: every child execution's result is streamed, as it finishes,
 * into `<Prefix>/<map run id>/SUCCEEDED_n.json`, `FAILED_n.json` or `PENDING_n.json`, then
 * `manifest.json` lists those files. Nothing is kept in memory but the file being written.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html
 */
import type { MapState } from '../../asl/definition';
import type { Json, JsonObject } from '../../asl/json';
import { isJsonObject } from '../../asl/json';
import { StatesError, StatesErrors } from '../../asl/errors';
import { ItemSourceError, type ResultObjectWriter, type ResultSink } from '../integrations/services';
import { evaluateJsonataTemplate } from '../jsonata';
import { applyInputPath, evaluatePayloadTemplate } from '../jsonpath';
import { jsonataBindings, pathScope } from '../query';
import type { StateContext } from '../runtime';

export const PUT_OBJECT = 'arn:aws:states:::s3:putObject';
/** AWS starts a new result file once one reaches 5 GB. */
export const MAX_RESULT_FILE_BYTES = 5 * 1024 ** 3;

export type Transformation = 'NONE' | 'COMPACT' | 'FLATTEN';

export interface ResultWriterConfig {
  /** Absent with a WriterConfig alone: results are formatted but stay in the state output. */
  export?: { bucket: string; prefix: string };
  transformation: Transformation;
  outputType: 'JSON' | 'JSONL';
}

/** How one child execution ended, as the result files describe it. */
export interface ChildOutcome {
  executionArn: string;
  name: string;
  stateMachineArn: string;
  status: 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  input: Json;
  output?: Json;
  error?: string;
  cause?: string;
  startDate: number;
  stopDate: number;
}

export async function resultWriterConfig(state: MapState, input: Json, ctx: StateContext): Promise<ResultWriterConfig | undefined> {
  const writer = state.ResultWriter;
  if (!writer) return undefined;
  const config = isJsonObject(writer.WriterConfig) ? writer.WriterConfig : undefined;
  const exporting = writer.Resource !== undefined;
  const result: ResultWriterConfig = {
    // Exported files hold whole execution records unless a WriterConfig says otherwise.
    transformation: (config?.Transformation as Transformation | undefined) ?? (exporting ? 'NONE' : 'COMPACT'),
    outputType: config?.OutputType === 'JSONL' ? 'JSONL' : 'JSON',
  };
  if (!['NONE', 'COMPACT', 'FLATTEN'].includes(result.transformation)) throw resultWriterFailed(`The WriterConfig Transformation '${String(result.transformation)}' is not supported.`);
  if (!exporting) return result;
  if (writer.Resource !== PUT_OBJECT) throw resultWriterFailed(`The ResultWriter resource '${String(writer.Resource)}' is not supported.`);
  const params = await writerParameters(writer, input, ctx, state.InputPath);
  if (typeof params.Bucket !== 'string') throw resultWriterFailed('The ResultWriter parameters must name a Bucket.');
  const prefix = typeof params.Prefix === 'string' ? params.Prefix : '';
  return { ...result, export: { bucket: params.Bucket, prefix } };
}

async function writerParameters(writer: JsonObject, input: Json, ctx: StateContext, inputPath: string | null | undefined): Promise<JsonObject> {
  let params: Json;
  if (ctx.queryLanguage === 'JSONata') {
    params = await evaluateJsonataTemplate(writer.Arguments ?? {}, jsonataBindings(ctx, input), 'Arguments');
  } else {
    const scope = pathScope(ctx, input);
    params = evaluatePayloadTemplate(writer.Parameters ?? {}, scope.withInput(applyInputPath(input, inputPath, scope)), 'Parameters');
  }
  if (!isJsonObject(params)) throw resultWriterFailed('The ResultWriter parameters must be an object.');
  return params;
}

export function resultWriterFailed(cause: string): StatesError {
  return new StatesError(StatesErrors.ResultWriterFailed, cause, false);
}

/** The entries an outcome contributes under a transformation; a failed child is always whole. */
export function transformedEntries(outcome: ChildOutcome, transformation: Transformation): Json[] {
  if (outcome.status !== 'SUCCEEDED' || transformation === 'NONE') return [executionRecord(outcome)];
  const output = outcome.output ?? null;
  return transformation === 'FLATTEN' && Array.isArray(output) ? output : [output];
}

/** One child execution as the exported result files list it. */
export function executionRecord(o: ChildOutcome): JsonObject {
  const record: JsonObject = {
    ExecutionArn: o.executionArn,
    Input: JSON.stringify(o.input),
    InputDetails: { Included: true },
    Name: o.name,
  };
  if (o.status === 'SUCCEEDED') {
    record.Output = JSON.stringify(o.output ?? null);
    record.OutputDetails = { Included: true };
  } else {
    if (o.cause !== undefined) record.Cause = o.cause;
    if (o.error !== undefined) record.Error = o.error;
  }
  Object.assign(record, {
    RedriveCount: 0,
    RedriveStatus: o.status === 'SUCCEEDED' ? 'NOT_REDRIVABLE' : 'REDRIVABLE_BY_MAP_RUN',
    ...(o.status === 'SUCCEEDED' ? { RedriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven' } : {}),
    StartDate: new Date(o.startDate).toISOString(),
    StateMachineArn: o.stateMachineArn,
    Status: o.status,
    StopDate: new Date(o.stopDate).toISOString(),
  });
  return record;
}

type Group = 'SUCCEEDED' | 'FAILED' | 'PENDING';

interface OpenFile {
  key: string;
  writer: ResultObjectWriter;
  bytes: number;
  entries: number;
}

/** Writes the result files of one Map Run, one entry at a time, and its manifest at the end. */
export class MapResultFiles {
  private readonly open = new Map<Group, OpenFile>();
  private readonly written: Record<Group, { Key: string; Size: number }[]> = { FAILED: [], PENDING: [], SUCCEEDED: [] };
  private readonly counters: Record<Group, number> = { FAILED: 0, PENDING: 0, SUCCEEDED: 0 };
  /** Entries are appended one after another: writers from parallel children queue here. */
  private queue: Promise<void> = Promise.resolve();
  private readonly directory: string;

  constructor(
    private readonly sink: ResultSink,
    private readonly config: ResultWriterConfig & { export: { bucket: string; prefix: string } },
    private readonly mapRunArn: string,
  ) {
    const runId = mapRunArn.slice(mapRunArn.lastIndexOf(':') + 1);
    const prefix = config.export.prefix.replace(/\/+$/, '');
    this.directory = prefix ? `${prefix}/${runId}` : runId;
  }

  /** Resolves once the outcome is written, so that a slow sink slows the Map instead of filling memory. */
  add(outcome: ChildOutcome): Promise<void> {
    // A child stopped because the run failed never finished: AWS lists it as pending.
    const group: Group = outcome.status === 'ABORTED' ? 'PENDING' : outcome.status;
    const entries = transformedEntries(outcome, this.config.transformation);
    const next = this.queue.then(() => this.append(group, entries));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Closes the result files and writes the manifest; returns ResultWriterDetails. */
  async finish(): Promise<JsonObject> {
    await this.queue;
    for (const group of [...this.open.keys()]) await this.closeFile(group);
    const manifest = { DestinationBucket: this.config.export.bucket, MapRunArn: this.mapRunArn, ResultFiles: this.written };
    const key = `${this.directory}/manifest.json`;
    await this.guard(async () => {
      const writer = this.sink.open(this.config.export.bucket, key);
      await writer.write(JSON.stringify(manifest));
      await writer.close();
    });
    return { Bucket: this.config.export.bucket, Key: key };
  }

  /** Drops partly written files when the Map is stopped. */
  abort(reason: unknown): void {
    for (const file of this.open.values()) file.writer.abort(reason);
    this.open.clear();
  }

  private async append(group: Group, entries: Json[]): Promise<void> {
    for (const entry of entries) {
      const text = JSON.stringify(entry);
      let file = this.open.get(group);
      if (file && file.bytes + text.length > MAX_RESULT_FILE_BYTES) {
        await this.closeFile(group);
        file = undefined;
      }
      file ??= this.openFile(group);
      const jsonl = this.config.outputType === 'JSONL';
      const chunk = jsonl ? `${text}\n` : `${file.entries === 0 ? '[' : ','}${text}`;
      await this.guard(() => file.writer.write(chunk));
      file.bytes += Buffer.byteLength(chunk);
      file.entries++;
    }
  }

  private openFile(group: Group): OpenFile {
    const extension = this.config.outputType === 'JSONL' ? 'jsonl' : 'json';
    const key = `${this.directory}/${group}_${this.counters[group]++}.${extension}`;
    const writer = this.guardSync(() => this.sink.open(this.config.export.bucket, key));
    const file = { key, writer, bytes: 0, entries: 0 };
    this.open.set(group, file);
    return file;
  }

  private async closeFile(group: Group): Promise<void> {
    const file = this.open.get(group)!;
    this.open.delete(group);
    if (this.config.outputType === 'JSON') await this.guard(() => file.writer.write(']'));
    const size = await this.guard(() => file.writer.close());
    this.written[group].push({ Key: file.key, Size: size });
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      throw writeFailure(err);
    }
  }

  private guardSync<T>(work: () => T): T {
    try {
      return work();
    } catch (err) {
      throw writeFailure(err);
    }
  }
}

function writeFailure(err: unknown): unknown {
  if (err instanceof ItemSourceError) {
    return resultWriterFailed(`${err.message} (Service: S3, Status Code: ${err.statusCode}, Error Code: ${err.code})`);
  }
  return err instanceof StatesError ? err : resultWriterFailed(err instanceof Error ? err.message : String(err));
}
