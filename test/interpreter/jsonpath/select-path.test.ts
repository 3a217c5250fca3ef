import { StatesError } from '../../../src/asl/errors';
import type { Json } from '../../../src/asl/json';
import { queryPath, selectPath, selectPathOrInvalid, type PathScope } from '../../../src/interpreter/jsonpath';

const input: Json = {
  name: 'job',
  'odd key': 1,
  items: [{ id: 1, tag: 'a' }, { id: 2, tag: 'b' }, { id: 3 }],
  nested: { deep: { value: true } },
};
const parentScope = { shared: 'from parent' };
const variables = Object.assign(Object.create(parentScope) as Record<string, Json>, { count: 3, cfg: { retries: [5, 6] } });
const scope: PathScope = { input, context: { Execution: { Id: 'arn:exec' } }, variables };

function thrown(action: () => unknown): StatesError {
  try {
    action();
  } catch (error) {
    if (error instanceof StatesError) return error;
    throw error;
  }
  throw new Error('expected a StatesError');
}

describe('selectPath', () => {
  it.each<[string, Json]>([
    ['$', input],
    ['$.name', 'job'],
    ["$['odd key']", 1],
    ['$["name"]', 'job'],
    ['$.items[1].tag', 'b'],
    ['$.items[-1].id', 3],
    ['$.nested.deep.value', true],
    ['$$.Execution.Id', 'arn:exec'],
    ['$count', 3],
    ['$cfg.retries[1]', 6],
    ['$shared', 'from parent'],
  ])('selects %s', (path, expected) => {
    expect(selectPath(path, scope, 'field.$')).toEqual(expected);
  });

  it.each<[string, Json]>([
    ['$.items[*].id', [1, 2, 3]],
    ['$.items[?(@.tag)].id', [1, 2]],
    ['$..value', [true]],
    ['$.items[0:2].id', [1, 2]],
    ['$.items[?(@.id > 5)]', []],
  ])('returns the list of matches for the indefinite path %s', (path, expected) => {
    expect(selectPath(path, scope, 'field.$')).toEqual(expected);
  });

  it('words a miss as AWS does for a payload field, with the input as compact JSON', () => {
    const error = thrown(() => selectPath('$.no_such_jsonpath', { ...scope, input: { 'int-literal': 0 } }, 'value.$'));
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toBe(
      `The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{"int-literal":0}'`,
    );
  });

  it('reports an undefined variable as not found', () => {
    expect(queryPath('$missing.x', scope)).toMatchObject({ found: false });
  });
});

describe('selectPathOrInvalid (InputPath, OutputPath)', () => {
  it.each([
    ['$.NoSuchInputPath', { 'int-literal': 0 }, "Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']"],
    ['$.no.such.result.path', {}, "Invalid path '$.no.such.result.path' : Missing property in path $['no']"],
    ['$.items[7]', input, "Invalid path '$.items[7]' : No results for path: $['items'][7]"],
  ])('words the miss of %s as Jayway does', (path, document, cause) => {
    const error = thrown(() => selectPathOrInvalid(path, scope, document as Json));
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toBe(cause);
  });

  it('names the type found where an object was expected', () => {
    expect(thrown(() => selectPathOrInvalid('$.name.first', scope)).cause).toContain(
      "Expected to find an object with property ['first'] in path $['name'] but found 'java.lang.String'",
    );
  });
});
