import { isJsonataTemplate } from '../../../src/interpreter/jsonata';

describe('isJsonataTemplate', () => {
  it.each([
    ['{% $states.input %}', true],
    ['{%$x%}', true],
    [' {% states.input %} ', false],
    ['{% $x %} ', false],
    ['$states.input', false],
    ['{%}', false],
    ['{% x', false],
  ])('%j -> %s', (value, expected) => {
    expect(isJsonataTemplate(value)).toBe(expected);
  });

  it('is false for non-strings', () => {
    expect(isJsonataTemplate(1)).toBe(false);
    expect(isJsonataTemplate(null)).toBe(false);
  });
});
