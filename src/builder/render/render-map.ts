/** Map states, inline and distributed. */
import type { MapState, SubMachine } from '../../asl/definition';
import type { JsonObject } from '../../asl/json';
import type { MapConfig } from '../state-config';
import type { Dialect } from './dialect';
import { renderErrorHandling } from './render-error-handling';

export function renderMap(config: MapConfig, where: string, dialect: Dialect, processor: SubMachine): Omit<MapState, 'Next' | 'End'> {
  return {
    Type: 'Map',
    ...(config.comment !== undefined && { Comment: config.comment }),
    ...dialect.field('Items', config.items, `${where}.Items`),
    ...dialect.payload('ItemSelector', config.itemSelector, `${where}.ItemSelector`),
    ...(config.itemReader && { ItemReader: renderItemReader(config, where, dialect) }),
    ...(config.itemBatcher && { ItemBatcher: renderItemBatcher(config, where, dialect) }),
    ...(config.resultWriter && { ResultWriter: renderResultWriter(config, where, dialect) }),
    ...(config.maxConcurrency !== undefined && { MaxConcurrency: config.maxConcurrency }),
    ...(config.toleratedFailurePercentage !== undefined && { ToleratedFailurePercentage: config.toleratedFailurePercentage }),
    ...(config.toleratedFailureCount !== undefined && { ToleratedFailureCount: config.toleratedFailureCount }),
    ...(config.label !== undefined && { Label: config.label }),
    ItemProcessor: {
      ProcessorConfig: config.mode === 'INLINE' ? { Mode: 'INLINE' } : { Mode: 'DISTRIBUTED', ExecutionType: config.executionType ?? 'STANDARD' },
      ...processor,
    },
    ...dialect.output(config.output, 'result', where),
    ...dialect.assign(config.assign, 'result', where),
    ...renderErrorHandling(config, where, dialect),
  };
}

function renderItemReader(config: MapConfig, where: string, dialect: Dialect): JsonObject {
  const reader = config.itemReader!;
  return {
    Resource: reader.resource,
    ...(reader.readerConfig && { ReaderConfig: { ...reader.readerConfig } }),
    ...dialect.payload('Arguments', reader.arguments, `${where}.ItemReader`),
  };
}

function renderItemBatcher(config: MapConfig, where: string, dialect: Dialect): JsonObject {
  const batcher = config.itemBatcher!;
  return {
    ...(batcher.maxItemsPerBatch !== undefined && { MaxItemsPerBatch: batcher.maxItemsPerBatch }),
    ...(batcher.maxInputBytesPerBatch !== undefined && { MaxInputBytesPerBatch: batcher.maxInputBytesPerBatch }),
    ...dialect.payload('BatchInput', batcher.batchInput, `${where}.ItemBatcher`),
  };
}

function renderResultWriter(config: MapConfig, where: string, dialect: Dialect): JsonObject {
  const writer = config.resultWriter!;
  return {
    Resource: 'arn:aws:states:::s3:putObject',
    ...dialect.payload('Arguments', writer.arguments, `${where}.ResultWriter`),
    ...(writer.writerConfig && { WriterConfig: { ...writer.writerConfig } }),
  };
}
