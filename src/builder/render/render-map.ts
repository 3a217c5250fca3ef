/** Map states, inline and distributed. */
import type { MapState, SubMachine } from '../../asl/definition';
import type { JsonObject } from '../../asl/json';
import { BuilderError } from '../builder-error';
import type { Template } from '../expression';
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
  const fields = objectFields(config.itemBatcher!, `${where}.ItemBatcher`);
  return {
    ...dialect.field('MaxItemsPerBatch', fields.maxItemsPerBatch, `${where}.ItemBatcher`),
    ...dialect.field('MaxInputBytesPerBatch', fields.maxInputBytesPerBatch, `${where}.ItemBatcher`),
    ...dialect.payload('BatchInput', fields.batchInput, `${where}.ItemBatcher`),
  };
}

function renderResultWriter(config: MapConfig, where: string, dialect: Dialect): JsonObject {
  const fields = objectFields(config.resultWriter!, `${where}.ResultWriter`);
  return {
    Resource: 'arn:aws:states:::s3:putObject',
    ...dialect.payload('Arguments', fields.arguments, `${where}.ResultWriter`),
    // An object, not a scalar with a …Path variant: JSONPath writes it as it writes a payload.
    ...dialect.payload('WriterConfig', fields.writerConfig, `${where}.ResultWriter`),
  };
}

function objectFields(template: Template, where: string): Readonly<Record<string, Template | undefined>> {
  if (template.kind !== 'object') throw new BuilderError(`${where}: expected an object`);
  return template.fields;
}
