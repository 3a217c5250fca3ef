import { jsonata, type Flow, type Terminal } from '../../../src/builder';
import { DatasetInput } from '../fixtures';
import { renderState } from './render-state';

type Start = Flow<{ dataset: { bucket: string; key: string }; k: number; baselineScore: number }, {}>;

describe('Wait', () => {
  test.each<[string, (start: Start) => Terminal<unknown>, unknown, unknown]>([
    ['literal seconds', (s) => s.wait('W', { seconds: 30 }).end(), { Type: 'Wait', Seconds: 30, End: true }, { Type: 'Wait', Seconds: 30, End: true }],
    ['seconds from the input', (s) => s.wait('W', { seconds: (x) => x.input.k }).end(), { Type: 'Wait', Seconds: '{% $states.input.k %}', End: true }, { Type: 'Wait', SecondsPath: '$.k', End: true }],
    [
      'a literal timestamp',
      (s) => s.wait('W', { timestamp: '2030-01-01T00:00:00Z' }).end(),
      { Type: 'Wait', Timestamp: '2030-01-01T00:00:00Z', End: true },
      { Type: 'Wait', Timestamp: '2030-01-01T00:00:00Z', End: true },
    ],
    [
      'a timestamp from the input',
      (s) => s.wait('W', { timestamp: (x) => x.input.dataset.key }).end(),
      { Type: 'Wait', Timestamp: '{% $states.input.dataset.key %}', End: true },
      { Type: 'Wait', TimestampPath: '$.dataset.key', End: true },
    ],
    [
      'seconds from a variable',
      (s) => s.pass('Set', { assign: (x) => ({ delay: x.input.k }) }).wait('W', { seconds: (x) => x.vars.delay }).end(),
      { Type: 'Wait', Seconds: '{% $delay %}', End: true },
      { Type: 'Wait', SecondsPath: '$delay', End: true },
    ],
    [
      'a comment, an output that selects and an assignment',
      (s) => s.wait('W', { comment: 'cool down', seconds: 1, output: (x) => x.input.dataset, assign: (x) => ({ k: x.input.k }) }).end(),
      { Type: 'Wait', Comment: 'cool down', Seconds: 1, Output: '{% $states.input.dataset %}', Assign: { k: '{% $states.input.k %}' }, End: true },
      { Type: 'Wait', Comment: 'cool down', Seconds: 1, OutputPath: '$.dataset', Assign: { 'k.$': '$.k' }, End: true },
    ],
  ])('%s', (_name, build, asJsonata, asJsonPath) => {
    expect(renderState(DatasetInput, 'JSONata', build, 'W')).toEqual(asJsonata);
    expect(renderState(DatasetInput, 'JSONPath', build, 'W')).toEqual(asJsonPath);
  });

  test('computed seconds are JSONata only', () => {
    const build = (s: Start) => s.wait('W', { seconds: (x) => jsonata<number>`${x.input.k} * 60` }).end();
    expect(renderState(DatasetInput, 'JSONata', build, 'W')).toEqual({ Type: 'Wait', Seconds: '{% $states.input.k * 60 %}', End: true });
    expect(() => renderState(DatasetInput, 'JSONPath', build, 'W')).toThrow('state "W": Seconds needs a literal or a path in JSONPath');
  });

  test('an output object has no JSONPath form on a Wait', () => {
    expect(() => renderState(DatasetInput, 'JSONPath', (s) => s.wait('W', { seconds: 1, output: (x) => ({ k: x.input.k }) }).end(), 'W')).toThrow(
      'state "W": this output cannot be written in JSONPath; use JSONata',
    );
  });

  test.each<[string, { seconds?: number; timestamp?: string }]>([
    ['neither', {}],
    ['both', { seconds: 1, timestamp: '2030-01-01T00:00:00Z' }],
  ])('%s of seconds and timestamp is refused', (_name, options) => {
    expect(() => renderState(DatasetInput, 'JSONata', (s) => s.wait('W', options).end(), 'W')).toThrow('Wait state "W" needs exactly one of seconds and timestamp');
  });
});
