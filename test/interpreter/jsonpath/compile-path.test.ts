import { compilePath } from '../../../src/interpreter/jsonpath/compile-path';

describe('bracket-quoted property names', () => {
  test.each([
    ['a plain name', "$['a b']", ['a b']],
    ['an escaped enclosing single quote', "$['it\\'s']", ["it's"]],
    ['an escaped enclosing double quote', '$["say \\"hi\\""]', ['say "hi"']],
    ['a backslash before the other quote stays', `$['Test\\""Name"']`, ['Test\\""Name"']],
    ['a backslash before a letter stays', "$['a\\nb']", ['a\\nb']],
    ['then a further step', "$['x'].y[0]", ['x', 'y', 0]],
  ])('%s: %s', (_name, path, segments) => {
    expect(compilePath(path).segments).toEqual(segments);
  });
});
