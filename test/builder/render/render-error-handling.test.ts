import { jsonataDialect, jsonPathDialect } from '../../../src/builder/render/dialect';
import { renderErrorHandling } from '../../../src/builder/render/render-error-handling';

describe('renderErrorHandling', () => {
  test('copies retriers and renders catchers in order', () => {
    const retry = [{ ErrorEquals: ['States.Timeout'], IntervalSeconds: 3, MaxAttempts: 2, BackoffRate: 1.5, MaxDelaySeconds: 10, JitterStrategy: 'FULL' as const }];
    const rendered = renderErrorHandling(
      {
        retry,
        catch: [
          { errors: ['A'], next: 'HandleA' },
          { errors: ['States.ALL'], next: 'Other', output: { kind: 'path', root: 'errorOutput', segments: ['Cause'] }, assign: { e: { kind: 'path', root: 'errorOutput', segments: ['Error'] } } },
        ],
      },
      'S',
      jsonataDialect,
    );
    expect(rendered).toEqual({
      Retry: retry,
      Catch: [
        { ErrorEquals: ['A'], Next: 'HandleA' },
        { ErrorEquals: ['States.ALL'], Next: 'Other', Output: '{% $states.errorOutput.Cause %}', Assign: { e: '{% $states.errorOutput.Error %}' } },
      ],
    });
    expect(rendered.Retry![0]).not.toBe(retry[0]);
  });

  test('empty lists write nothing', () => {
    expect(renderErrorHandling({ retry: [], catch: [] }, 'S', jsonPathDialect)).toEqual({});
  });

  test('JSONPath refuses a catcher with output or assign', () => {
    expect(() => renderErrorHandling({ catch: [{ errors: ['A'], next: 'N', output: { kind: 'literal', value: 1 } }] }, 'S', jsonPathDialect)).toThrow(
      'S: Catch output and assign need the JSONata query language',
    );
  });
});
