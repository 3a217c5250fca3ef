/**
 * Map: runs the processor once per item. Inline runs inside the execution; distributed runs child
 * executions and can read items from S3 (ItemReader), batch them (ItemBatcher), write results to S3
 * (ResultWriter) and tolerate some failed items.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html
 */
import type { TSchema } from '@sinclair/typebox';
import type { Flow } from '../flow';
import type { ItemScope, ResultScope, Scope } from '../scope';
import type { MapConfig } from '../state-config';
import type { Terminal } from '../types';
import type { CatchBuilder, ErrorHandlingOptions } from './catch';
import { record, recordAssignments, recordRequired } from './common';
import type { BranchBuilder } from './parallel';

interface MapOptionsBase<P, V, T, I, R, Q, A> extends ErrorHandlingOptions<P, V> {
  comment?: string;
  /** Each item's input to the processor. @default - the item */
  itemSelector?: (s: ItemScope<P, T, V>) => I;
  /** How many items run at once. @default 0 (as many as possible) */
  maxConcurrency?: number;
  /** @default - the array of processor outputs */
  output?: (s: ResultScope<P, R, V>) => Q;
  assign?: (s: ResultScope<P, R, V>) => A;
}

export interface InlineMapOptions<P, V, T, I, O, Q, A> extends MapOptionsBase<P, V, T, I, O[], Q, A> {
  /** The array to iterate. */
  items: (s: Scope<P, V>) => readonly T[];
  /** The path each item runs; inline processors see the variables in scope. */
  processor: (b: Flow<I, V>) => Terminal<O>;
}

/** Items read from S3 instead of the state input. */
export interface ItemReaderOptions<P, V, T> {
  /** `s3:getObject` reads one CSV/JSON/JSONL/manifest file; `s3:listObjectsV2` lists objects. */
  resource: 's3:getObject' | 's3:listObjectsV2';
  arguments: (s: Scope<P, V>) => { Bucket: string; Key?: string; Prefix?: string };
  readerConfig?: {
    InputType?: 'CSV' | 'JSON' | 'JSONL' | 'MANIFEST' | 'PARQUET';
    CSVHeaderLocation?: 'FIRST_ROW' | 'GIVEN';
    CSVDelimiter?: 'COMMA' | 'PIPE' | 'SEMICOLON' | 'SPACE' | 'TAB';
    MaxItems?: number;
  };
  /** The schema of one item read; gives the item type. */
  item: TSchema & { static: T };
}

/** ItemBatcher's fields; values may be accessor paths. */
export interface ItemBatcherSpec<BI = unknown> {
  maxItemsPerBatch?: number;
  maxInputBytesPerBatch?: number;
  /** A value added to every batch as `BatchInput`. */
  batchInput?: BI;
}

/** What a batched processor receives. */
export interface ItemBatch<I, BI> {
  Items: I[];
  BatchInput: BI;
}

/** ResultWriter's fields: where in S3 the results go. */
export interface ResultWriterSpec {
  arguments: { Bucket: string; Prefix?: string };
  writerConfig?: { OutputType?: 'JSON' | 'JSONL'; Transformation?: 'NONE' | 'COMPACT' | 'FLATTEN' };
}

/** A distributed Map's result when its results go to S3. */
export interface ResultWriterOutput {
  MapRunArn: string;
  ResultWriterDetails: { Bucket: string; Key: string };
}

export type ProcessorInput<I, B> = B extends ItemBatcherSpec<infer BI> ? ItemBatch<I, BI> : I;
export type DistributedMapResult<O, W> = W extends ResultWriterSpec ? ResultWriterOutput : O[];

/**
 * Batching and result writing are accessors (not plain objects) so that their types are inferred
 * before the processor's: the processor's input depends on whether items are batched.
 */
export interface DistributedMapOptions<P, V, T, I, O, Q, A, B, W> extends MapOptionsBase<P, V, T, I, DistributedMapResult<O, W>, Q, A> {
  /** The array to iterate; give this or `itemReader`. */
  items?: (s: Scope<P, V>) => readonly T[];
  itemReader?: ItemReaderOptions<P, V, T>;
  /** @example itemBatcher: (s) => ({ maxItemsPerBatch: 50, batchInput: { modelArn: s.input.modelArn } }) */
  itemBatcher?: (s: Scope<P, V>) => B;
  /** @example resultWriter: (s) => ({ arguments: { Bucket: s.input.bucket, Prefix: 'results' } }) */
  resultWriter?: (s: Scope<P, V>) => W;
  /** Child executions do not see the parent's variables. */
  processor: (b: Flow<ProcessorInput<I, B>, {}>) => Terminal<O>;
  /** @default 'STANDARD' */
  executionType?: 'STANDARD' | 'EXPRESS';
  label?: string;
  /** @default 0 */
  toleratedFailurePercentage?: number;
  /** @default 0 */
  toleratedFailureCount?: number;
}

type AnyInlineOptions = InlineMapOptions<never, never, unknown, unknown, unknown, unknown, unknown>;
type AnyDistributedOptions = DistributedMapOptions<never, never, unknown, unknown, unknown, unknown, unknown, ItemBatcherSpec | undefined, ResultWriterSpec | undefined>;

export function inlineMapConfig(options: AnyInlineOptions, buildProcessor: BranchBuilder, catchBuilder: CatchBuilder<never, never>): MapConfig {
  return {
    ...commonMapConfig(options, catchBuilder),
    mode: 'INLINE',
    items: recordRequired(options.items, 'items'),
    processor: buildProcessor(options.processor as never),
  };
}

export function distributedMapConfig(options: AnyDistributedOptions, buildProcessor: BranchBuilder, catchBuilder: CatchBuilder<never, never>): MapConfig {
  const { itemReader, itemBatcher, resultWriter } = options;
  return {
    ...commonMapConfig(options, catchBuilder),
    mode: 'DISTRIBUTED',
    executionType: options.executionType ?? 'STANDARD',
    items: record(options.items, 'items'),
    itemReader: itemReader && {
      resource: `arn:aws:states:::${itemReader.resource}`,
      arguments: recordRequired(itemReader.arguments, 'itemReader.arguments'),
      readerConfig: itemReader.readerConfig,
    },
    itemBatcher: record(itemBatcher, 'itemBatcher'),
    resultWriter: record(resultWriter, 'resultWriter'),
    processor: buildProcessor(options.processor as never),
    label: options.label,
    toleratedFailurePercentage: options.toleratedFailurePercentage,
    toleratedFailureCount: options.toleratedFailureCount,
  };
}

function commonMapConfig(options: AnyInlineOptions | AnyDistributedOptions, catchBuilder: CatchBuilder<never, never>) {
  return {
    type: 'Map' as const,
    comment: options.comment,
    itemSelector: record(options.itemSelector, 'itemSelector'),
    maxConcurrency: options.maxConcurrency,
    output: record(options.output, 'output'),
    assign: recordAssignments(options.assign, 'assign'),
    retry: options.retry,
    catch: options.catch?.(catchBuilder),
  };
}
