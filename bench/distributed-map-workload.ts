/**
 * The distributed-Map bench's workload: an N-row CSV of sensor readings, mapped in batches of
 * 1,000 rows, each batch summarised by a Pass state (its row count and first id).
 */
import { Readable } from 'node:stream';
import type { StateMachineDefinition } from '../src/asl/definition';
import type { Json, JsonObject } from '../src/asl/json';

export const BATCH_ITEMS = 1_000;
export const MAX_CONCURRENCY = 100;
export const DATA_BUCKET = 'bench-dataset';
export const RESULT_BUCKET = 'bench-results';
export const CSV_KEY = 'readings.csv';

export const CSV_HEADER = 'id,sensor,value\n';

export function csvRow(i: number): string {
  return `${i},sensor-${i % 97},${((i * 7919) % 10_000) / 100}\n`;
}

/** The CSV, generated as it is written: the file never exists whole in memory. */
export function csvStream(rows: number): Readable {
  return Readable.from(
    (function* () {
      yield CSV_HEADER;
      let chunk = '';
      for (let i = 0; i < rows; i++) {
        chunk += csvRow(i);
        if (chunk.length > 64 * 1024) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    })(),
  );
}

/** What each batch's child computes, for either engine. */
const summarise = {
  ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
  StartAt: 'Summarise',
  States: { Summarise: { Type: 'Pass', Parameters: { 'rows.$': 'States.ArrayLength($.Items)', 'first.$': '$.Items[0].id' }, End: true } },
};

/** statecraft: ItemReader over the CSV in the local S3, ItemBatcher, EXPRESS children, ResultWriter. */
export function distributedDefinition(): StateMachineDefinition {
  return {
    StartAt: 'Score',
    States: {
      Score: {
        Type: 'Map',
        Label: 'Score',
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
          Parameters: { Bucket: DATA_BUCKET, Key: CSV_KEY },
        },
        ItemBatcher: { MaxItemsPerBatch: BATCH_ITEMS },
        MaxConcurrency: MAX_CONCURRENCY,
        ItemProcessor: summarise,
        ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: RESULT_BUCKET, Prefix: 'scores' } },
        End: true,
      },
    },
  } as unknown as StateMachineDefinition;
}

/**
 * The peer: an inline Map over the same batches. It has no ItemReader, ItemBatcher or ResultWriter,
 * so its input is the whole file, already parsed and batched, and its results stay in its output.
 */
export function inlineDefinition(): StateMachineDefinition {
  return {
    StartAt: 'Score',
    States: {
      Score: { Type: 'Map', ItemsPath: '$.batches', MaxConcurrency: MAX_CONCURRENCY, ItemProcessor: { ...summarise, ProcessorConfig: { Mode: 'INLINE' } }, End: true },
    },
  } as unknown as StateMachineDefinition;
}

/** The peer's input: every row as AWS's CSV reader gives it (strings), in batches of 1,000. */
export function batchedInput(rows: number): Json {
  const batches: Json[] = [];
  for (let start = 0; start < rows; start += BATCH_ITEMS) {
    const items: JsonObject[] = [];
    for (let i = start; i < Math.min(rows, start + BATCH_ITEMS); i++) {
      const [id, sensor, value] = csvRow(i).trimEnd().split(',');
      items.push({ id, sensor, value });
    }
    batches.push({ Items: items });
  }
  return { batches };
}
