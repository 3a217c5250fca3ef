import { Type } from '@sinclair/typebox';
import { DatasetInput } from '../fixtures';
import { renderState } from './render-state';


describe('Parallel', () => {
  test('every option in JSONata', () => {
    expect(
      renderState(
        DatasetInput,
        'JSONata',
        (s) =>
          s
            .parallel('Both', {
              comment: 'fan out',
              arguments: (x) => ({ bucket: x.input.dataset.bucket }),
              branches: [(b) => b.pass('Left', { output: (x) => ({ side: x.input.bucket }) }).end(), (b) => b.succeed('Right')],
              output: (x) => ({ left: x.result[0].side, k: x.input.k }),
              assign: (x) => ({ right: x.result[1] }),
              retry: [{ ErrorEquals: ['States.BranchFailed'], MaxAttempts: 2 }],
              catch: (c) => [c.to(['States.ALL'], (b) => b.fail('Failed'))],
            })
            .end(),
        'Both',
      ),
    ).toEqual({
      Type: 'Parallel',
      Comment: 'fan out',
      Arguments: { bucket: '{% $states.input.dataset.bucket %}' },
      Branches: [
        { StartAt: 'Left', States: { Left: { Type: 'Pass', Output: { side: '{% $states.input.bucket %}' }, End: true } } },
        { StartAt: 'Right', States: { Right: { Type: 'Succeed' } } },
      ],
      Output: { left: '{% $states.result[0].side %}', k: '{% $states.input.k %}' },
      Assign: { right: '{% $states.result[1] %}' },
      Retry: [{ ErrorEquals: ['States.BranchFailed'], MaxAttempts: 2 }],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }],
      End: true,
    });
  });

  test('JSONPath: Parameters for the branches’ input, ResultSelector for an output of the result', () => {
    expect(
      renderState(
        DatasetInput,
        'JSONPath',
        (s) =>
          s
            .parallel('Both', {
              arguments: (x) => ({ bucket: x.input.dataset.bucket }),
              branches: [(b) => b.pass('Left', { output: (x) => ({ side: x.input.bucket }) }).end(), (b) => b.succeed('Right')],
              output: (x) => ({ left: x.result[0].side }),
              assign: (x) => ({ right: x.result[1] }),
            })
            .end(),
        'Both',
      ),
    ).toEqual({
      Type: 'Parallel',
      Parameters: { 'bucket.$': '$.dataset.bucket' },
      Branches: [
        { StartAt: 'Left', States: { Left: { Type: 'Pass', Parameters: { 'side.$': '$.bucket' }, End: true } } },
        { StartAt: 'Right', States: { Right: { Type: 'Succeed' } } },
      ],
      ResultSelector: { 'left.$': '$[0].side' },
      Assign: { 'right.$': '$[1]' },
      End: true,
    });
  });

  test('without arguments or output the branches get the input and the next state the tuple', () => {
    const Input = Type.Object({ bucket: Type.String() });
    const expected = {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Left', States: { Left: { Type: 'Pass', Output: { side: '{% $states.input.bucket %}' }, End: true } } },
        { StartAt: 'Right', States: { Right: { Type: 'Succeed' } } },
      ],
      End: true,
    };
    expect(renderState(Input, 'JSONata', (s) => s.parallel('Both', { branches: [(b) => b.pass('Left', { output: (x) => ({ side: x.input.bucket }) }).end(), (b) => b.succeed('Right')] }).end(), 'Both')).toEqual(expected);
  });

  test('a JSONPath output mixing the input and the result is refused', () => {
    expect(() =>
      renderState(DatasetInput, 'JSONPath', (s) => s.parallel('Both', { arguments: (x) => ({ bucket: x.input.dataset.bucket }), branches: [(b) => b.succeed('Left'), (b) => b.succeed('Right')], output: (x) => ({ k: x.input.k, r: x.result[1].bucket }) }).end(), 'Both'),
    ).toThrow('state "Both": JSONPath cannot read input.k here; use JSONata');
  });
});
