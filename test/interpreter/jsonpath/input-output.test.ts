import { StatesError } from '../../../src/asl/errors';
import type { Json } from '../../../src/asl/json';
import { applyInputPath, applyOutputPath, applyResultPath, type PathScope } from '../../../src/interpreter/jsonpath';

const input: Json = { a: { b: 1 }, list: [{ v: 1 }, { v: 2 }], text: 'plain' };
const scope: PathScope = { input, context: { State: { Name: 'S' } }, variables: { picked: 'var' } };

describe('applyInputPath / applyOutputPath', () => {
  it.each<[string | null | undefined, Json]>([
    [undefined, input],
    ['$', input],
    [null, {}],
    ['$.a', { b: 1 }],
    ['$.list[*].v', [1, 2]],
    ['$$.State.Name', 'S'],
    ['$picked', 'var'],
  ])('InputPath %p', (path, expected) => {
    expect(applyInputPath(input, path, scope)).toEqual(expected);
  });

  it('selects from the value given, not from the scope input', () => {
    expect(applyOutputPath({ result: 5 }, '$.result', scope)).toBe(5);
  });

  it('fails with AWS Invalid path cause', () => {
    expect(() => applyOutputPath({}, '$.no.such', scope)).toThrow("Invalid path '$.no.such' : Missing property in path $['no']");
  });
});

describe('applyResultPath', () => {
  it.each<[string | null | undefined, Json]>([
    [undefined, 'R'],
    ['$', 'R'],
    [null, input],
    ['$.result', { ...(input as object), result: 'R' }],
    ['$.a.c', { ...(input as object), a: { b: 1, c: 'R' } }],
    ['$.new.deeper', { ...(input as object), new: { deeper: 'R' } }],
    ["$['a']['b']", { ...(input as object), a: { b: 'R' } }],
    ['$.list[1].v', { ...(input as object), list: [{ v: 1 }, { v: 'R' }] }],
  ])('ResultPath %p', (path, expected) => {
    expect(applyResultPath(input, 'R', path)).toEqual(expected);
  });

  it('never mutates the input', () => {
    const before = JSON.stringify(input);
    applyResultPath(input, 'R', '$.a.b');
    expect(JSON.stringify(input)).toBe(before);
  });

  it.each([
    ['$.text.inner', input],
    ['$.x', 'a string input'],
    ['$.list[5]', input],
    ['$.list[*].v', input],
  ])('fails with States.ResultPathMatchFailure for %s', (path, document) => {
    let failure: unknown;
    try {
      applyResultPath(document as Json, 'R', path);
    } catch (error) {
      failure = error;
    }
    expect((failure as StatesError).error).toBe('States.ResultPathMatchFailure');
    expect((failure as StatesError).cause).toContain(`Unable to apply ReferencePath ${path} to input`);
  });
});
