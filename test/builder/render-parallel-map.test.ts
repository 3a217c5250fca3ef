import { Type } from '@sinclair/typebox';
import { defineWorkflow } from '../../src/builder';
import { aslProblems } from './asl-validity';
import { DatasetInput, TrainFold } from './fixtures';

const Input = Type.Object({ bucket: Type.String(), folds: Type.Array(Type.Object({ trainKey: Type.String(), testKey: Type.String() })) });

describe('Parallel and inline Map in JSONata', () => {
  const workflow = defineWorkflow({ name: 'fan-out', input: Input }, (start) =>
    start
      .parallel('Fetch', {
        arguments: (s) => ({ bucket: s.input.bucket }),
        branches: [(b) => b.pass('Prices', { output: (s) => ({ prices: s.input.bucket }) }).end(), (b) => b.succeed('Load')],
        output: (s) => ({ prices: s.result[0].prices, folds: s.input.folds }),
        retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 1 }],
      })
      .map('TrainFolds', {
        items: (s) => s.input.folds,
        itemSelector: (s) => ({ trainKey: s.item.trainKey, testKey: s.item.testKey, index: s.index }),
        maxConcurrency: 2,
        processor: (p) => p.task('TrainFold', { task: TrainFold, arguments: (s) => ({ trainKey: s.input.trainKey, testKey: s.input.testKey }) }).end(),
        output: (s) => ({ scores: s.result }),
        assign: (s) => ({ scoreCount: s.result.length }),
        catch: (c) => [c.to(['States.ALL'], (b) => b.fail('TrainingFailed'))],
      })
      .succeed('Done'),
  );

  test('renders branches and the item processor whole', () => {
    expect(workflow.definition()).toEqual({
      QueryLanguage: 'JSONata',
      StartAt: 'Fetch',
      States: {
        Fetch: {
          Type: 'Parallel',
          Arguments: { bucket: '{% $states.input.bucket %}' },
          Branches: [
            { StartAt: 'Prices', States: { Prices: { Type: 'Pass', Output: { prices: '{% $states.input.bucket %}' }, End: true } } },
            { StartAt: 'Load', States: { Load: { Type: 'Succeed' } } },
          ],
          Output: { prices: '{% $states.result[0].prices %}', folds: '{% $states.input.folds %}' },
          Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 1 }],
          Next: 'TrainFolds',
        },
        TrainFolds: {
          Type: 'Map',
          Items: '{% $states.input.folds %}',
          ItemSelector: {
            trainKey: '{% $states.context.Map.Item.Value.trainKey %}',
            testKey: '{% $states.context.Map.Item.Value.testKey %}',
            index: '{% $states.context.Map.Item.Index %}',
          },
          MaxConcurrency: 2,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'INLINE' },
            StartAt: 'TrainFold',
            States: {
              TrainFold: {
                Type: 'Task',
                Resource: 'arn:aws:states:::lambda:invoke',
                Arguments: { FunctionName: 'kfold-train-fold', Payload: { trainKey: '{% $states.input.trainKey %}', testKey: '{% $states.input.testKey %}' } },
                Output: '{% $states.result.Payload %}',
                End: true,
              },
            },
          },
          Output: { scores: '{% $states.result %}' },
          // `.length` of the result array is its count, not a field read (which is empty at run time).
          Assign: { scoreCount: '{% ($v := $states.result; $type($v) = "array" ? $count($v) : $type($v) = "string" ? $length($v) : $v.length) %}' },
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'TrainingFailed' }],
          Next: 'Done',
        },
        TrainingFailed: { Type: 'Fail' },
        Done: { Type: 'Succeed' },
      },
    });
    expect(aslProblems(workflow.definition())).toBe('');
  });
});

describe('Distributed Map in JSONata', () => {
  const workflow = defineWorkflow({ name: 'frames', input: DatasetInput }, (start) =>
    start
      .distributedMap('DetectLogos', {
        itemReader: {
          resource: 's3:getObject',
          arguments: (s) => ({ Bucket: s.input.dataset.bucket, Key: s.input.dataset.key }),
          readerConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
          item: Type.Object({ frame: Type.String() }),
        },
        itemBatcher: (s) => ({ maxItemsPerBatch: 50, batchInput: { bucket: s.input.dataset.bucket } }),
        resultWriter: (s) => ({ arguments: { Bucket: s.input.dataset.bucket, Prefix: 'results' }, writerConfig: { OutputType: 'JSONL', Transformation: 'COMPACT' } }),
        maxConcurrency: 100,
        toleratedFailurePercentage: 5,
        toleratedFailureCount: 10,
        executionType: 'EXPRESS',
        label: 'Frames',
        processor: (p) => p.pass('Count', { output: (s) => ({ first: s.input.Items[0]!.frame, bucket: s.input.BatchInput.bucket }) }).end(),
      })
      .succeed('Done'),
  );

  test('renders reader, batcher, writer and failure tolerance whole', () => {
    expect(workflow.definition().States.DetectLogos).toEqual({
      Type: 'Map',
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
        Arguments: { Bucket: '{% $states.input.dataset.bucket %}', Key: '{% $states.input.dataset.key %}' },
      },
      ItemBatcher: { MaxItemsPerBatch: 50, BatchInput: { bucket: '{% $states.input.dataset.bucket %}' } },
      ResultWriter: {
        Resource: 'arn:aws:states:::s3:putObject',
        Arguments: { Bucket: '{% $states.input.dataset.bucket %}', Prefix: 'results' },
        WriterConfig: { OutputType: 'JSONL', Transformation: 'COMPACT' },
      },
      MaxConcurrency: 100,
      ToleratedFailurePercentage: 5,
      ToleratedFailureCount: 10,
      Label: 'Frames',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
        StartAt: 'Count',
        States: {
          Count: {
            Type: 'Pass',
            Output: { first: '{% $states.input.Items[0].frame %}', bucket: '{% $states.input.BatchInput.bucket %}' },
            End: true,
          },
        },
      },
      Next: 'Done',
    });
  });

  test('passes asl-validator', () => {
    expect(aslProblems(workflow.definition())).toBe('');
  });
});
