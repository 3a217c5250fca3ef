import { findJsonPath, parseJsonPath, updateJsonPath } from './json-path';
import { loadSfnCases } from '../corpus';

const document = () => ({
  events: [
    { id: 1, executionSucceededEventDetails: { output: { FunctionResult: 'a', nested: { FunctionResult: 'b' } } } },
    { id: 2, stateExitedEventDetails: { output: { FunctionResult: 'c' } }, SdkHttpMetadata: { AllHttpHeaders: { Date: 'd1' }, HttpHeaders: { Date: 'd2' } } },
  ],
  LogResult: 'top',
});

describe('findJsonPath', () => {
  it.each<[string, unknown[]]>([
    ['$..FunctionResult', ['a', 'b', 'c']],
    ['$..events..executionSucceededEventDetails.output.FunctionResult', ['a']],
    ['$..SdkHttpMetadata..Date', ['d1', 'd2']],
    ['$.events[*].id', [1, 2]],
    ['$.events[1].id', [2]],
    ["$['LogResult']", ['top']],
    ['$.events.id', []],
    ['$..missing', []],
  ])('%s', (path, values) => {
    expect(findJsonPath(document(), path).map((match) => match.value)).toEqual(values);
  });

  it('visits a node before its descendants, as jsonpath_ng does', () => {
    expect(findJsonPath({ a: { x: 1, b: { x: 2 } }, x: 0 }, '$..x').map((match) => match.value)).toEqual([0, 1, 2]);
  });

  it('rejects syntax outside the supported subset', () => {
    expect(() => parseJsonPath('$..a[?(@.b)]')).toThrow('unsupported JSONPath syntax');
  });

  const corpusPaths = [...new Set(loadSfnCases().flatMap((c) => c.normalization.filter((op) => typeof op.path === 'string').map((op) => String(op.path))))];
  it.each(corpusPaths)('parses corpus path %s', (path) => {
    expect(parseJsonPath(path).length).toBeGreaterThan(0);
  });
});

describe('updateJsonPath', () => {
  it('replaces every existing match and creates nothing', () => {
    const doc = document();
    updateJsonPath(doc, '$..stateExitedEventDetails.output', 'replaced');
    updateJsonPath(doc, '$..absent', 'x');
    expect(doc.events[1].stateExitedEventDetails).toEqual({ output: 'replaced' });
    expect(JSON.stringify(doc)).not.toContain('absent');
  });
});
