import { Type } from '@sinclair/typebox';
import { TrainFold } from '../fixtures';
import type { StateMachineDefinition } from '../../../src/asl/definition';
import { aslProblems } from '../asl-validity';
import { renderDocument, renderState } from './render-state';

const Input = Type.Object({
  bucket: Type.String(),
  prefix: Type.String(),
  batch: Type.Integer(),
  folds: Type.Array(Type.Object({ trainKey: Type.String(), testKey: Type.String() })),
});

const trainProcessor = {
  ProcessorConfig: { Mode: 'INLINE' },
  StartAt: 'Train',
  States: {
    Train: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Arguments: { FunctionName: 'kfold-train-fold', Payload: { trainKey: '{% $states.input.trainKey %}', testKey: '{% $states.input.testKey %}' } },
      Output: '{% $states.result.Payload %}',
      End: true,
    },
  },
};

describe('inline Map', () => {
  test('every option in JSONata', () => {
    expect(
      renderState(
        Input,
        'JSONata',
        (s) =>
          s
            .map('Folds', {
              comment: 'one per fold',
              items: (x) => x.input.folds,
              itemSelector: (x) => ({ trainKey: x.item.trainKey, testKey: x.item.testKey }),
              maxConcurrency: 4,
              processor: (p) => p.task('Train', { task: TrainFold, arguments: (x) => ({ trainKey: x.input.trainKey, testKey: x.input.testKey }) }).end(),
              output: (x) => ({ scores: x.result, bucket: x.input.bucket }),
              assign: (x) => ({ best: x.result[0]!.score }),
              retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 1 }],
              catch: (c) => [c.to(['States.ALL'], (b) => b.fail('Failed'))],
            })
            .end(),
        'Folds',
      ),
    ).toEqual({
      Type: 'Map',
      Comment: 'one per fold',
      Items: '{% $states.input.folds %}',
      ItemSelector: { trainKey: '{% $states.context.Map.Item.Value.trainKey %}', testKey: '{% $states.context.Map.Item.Value.testKey %}' },
      MaxConcurrency: 4,
      ItemProcessor: trainProcessor,
      Output: { scores: '{% $states.result %}', bucket: '{% $states.input.bucket %}' },
      Assign: { best: '{% $states.result[0].score %}' },
      Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 1 }],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }],
      End: true,
    });
  });

  test('JSONPath: ItemsPath, an ItemSelector with the index, the processor in JSONPath', () => {
    expect(
      renderState(
        Input,
        'JSONPath',
        (s) =>
          s
            .map('Folds', {
              items: (x) => x.input.folds,
              itemSelector: (x) => ({ key: x.item.trainKey, index: x.index, bucket: x.input.bucket }),
              processor: (p) => p.pass('Echo').end(),
            })
            .end(),
        'Folds',
      ),
    ).toEqual({
      Type: 'Map',
      ItemsPath: '$.folds',
      ItemSelector: { 'key.$': '$$.Map.Item.Value.trainKey', 'index.$': '$$.Map.Item.Index', 'bucket.$': '$.bucket' },
      ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Echo', States: { Echo: { Type: 'Pass', End: true } } },
      End: true,
    });
  });
});

describe('distributed Map', () => {
  test('JSONPath: reader, batcher and writer fields with their *Path and Parameters forms', () => {
    expect(
      renderState(
        Input,
        'JSONPath',
        (s) =>
          s
            .distributedMap('Rows', {
              itemReader: {
                resource: 's3:getObject',
                arguments: (x) => ({ Bucket: x.input.bucket, Key: x.input.prefix }),
                readerConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', CSVDelimiter: 'SEMICOLON', MaxItems: 10 },
                item: Type.Object({ id: Type.String() }),
              },
              itemBatcher: (x) => ({ maxItemsPerBatch: x.input.batch, maxInputBytesPerBatch: 262144, batchInput: { bucket: x.input.bucket } }),
              resultWriter: (x) => ({ arguments: { Bucket: x.input.bucket, Prefix: 'results' }, writerConfig: { OutputType: 'JSONL', Transformation: 'FLATTEN' } }),
              toleratedFailurePercentage: 5,
              processor: (p) => p.succeed('Done'),
            })
            .end(),
        'Rows',
      ),
    ).toEqual({
      Type: 'Map',
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', CSVDelimiter: 'SEMICOLON', MaxItems: 10 },
        Parameters: { 'Bucket.$': '$.bucket', 'Key.$': '$.prefix' },
      },
      ItemBatcher: { MaxItemsPerBatchPath: '$.batch', MaxInputBytesPerBatch: 262144, BatchInput: { 'bucket.$': '$.bucket' } },
      ResultWriter: {
        Resource: 'arn:aws:states:::s3:putObject',
        Parameters: { 'Bucket.$': '$.bucket', Prefix: 'results' },
        WriterConfig: { OutputType: 'JSONL', Transformation: 'FLATTEN' },
      },
      ToleratedFailurePercentage: 5,
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'Done', States: { Done: { Type: 'Succeed' } } },
      End: true,
    });
  });

  test('listing objects, items from the input, and the defaults', () => {
    expect(
      renderState(
        Input,
        'JSONata',
        (s) =>
          s
            .distributedMap('Objects', {
              itemReader: { resource: 's3:listObjectsV2', arguments: (x) => ({ Bucket: x.input.bucket, Prefix: x.input.prefix }), item: Type.Object({ Key: Type.String() }) },
              processor: (p) => p.succeed('Done'),
            })
            .distributedMap('Folds', { items: (x) => x.input, executionType: 'EXPRESS', label: 'folds', toleratedFailureCount: 0, processor: (p) => p.succeed('Each') })
            .end(),
        'Objects',
      ),
    ).toEqual({
      Type: 'Map',
      ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Arguments: { Bucket: '{% $states.input.bucket %}', Prefix: '{% $states.input.prefix %}' } },
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'Done', States: { Done: { Type: 'Succeed' } } },
      Next: 'Folds',
    });
  });

  test('the JSONPath document with a ResultWriter passes asl-validator', () => {
    const document = renderDocument(Input, 'JSONPath', (s) =>
      s
        .distributedMap('Rows', {
          items: (x) => x.input.folds,
          resultWriter: (x) => ({ arguments: { Bucket: x.input.bucket, Prefix: 'results' }, writerConfig: { OutputType: 'JSON', Transformation: 'NONE' } }),
          processor: (p) => p.succeed('Done'),
        })
        .end(),
    );
    expect(aslProblems(document as StateMachineDefinition)).toBe('');
  });

  test('a batcher or writer that is not an object literal is refused', () => {
    expect(() =>
      renderState(Input, 'JSONata', (s) => s.distributedMap('Rows', { items: (x) => x.input.folds, itemBatcher: (x) => x.input.batch as never, processor: (p) => p.succeed('Done') }).end(), 'Rows'),
    ).toThrow('state "Rows".ItemBatcher: expected an object');
  });
});
