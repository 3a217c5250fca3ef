import { SfnApiError } from '../../src/control/errors';
import { parseDefinition, validateDefinition } from '../../src/control/definition-validation';

const machine = (states: Record<string, unknown>, startAt = Object.keys(states)[0]): string => JSON.stringify({ StartAt: startAt, States: states });

describe('validateDefinition', () => {
  test.each<[string, string, unknown]>([
    ['text that is not JSON', '{"StartAt":', { severity: 'ERROR', code: 'INVALID_JSON_DESCRIPTION', message: expect.stringMatching(/^Invalid JSON: /), location: '/' }],
    ['a JSON array', '[]', { severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'The definition must be a JSON object', location: '/' }],
    ['JSON null', 'null', { severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'The definition must be a JSON object', location: '/' }],
  ])('%s fails before the States Language checks', (_name, text, diagnostic) => {
    expect(validateDefinition(text)).toEqual({ result: 'FAIL', diagnostics: [diagnostic] });
  });

  test('a valid machine is OK with no diagnostics, and the same text is answered from memory', () => {
    const text = machine({ A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Succeed' } });
    const first = validateDefinition(text);
    expect(first).toEqual({ result: 'OK', diagnostics: [] });
    expect(validateDefinition(text)).toBe(first);
  });

  test('an unknown field is a schema error located at its state', () => {
    const { result, diagnostics } = validateDefinition(machine({ A: { Type: 'Pass', End: true, Bogus: 1 } }));
    expect(result).toBe('FAIL');
    expect(diagnostics).toContainEqual(expect.objectContaining({ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', location: '/States/A' }));
  });

  test('a Next to a missing state is reported', () => {
    const { result, diagnostics } = validateDefinition(machine({ A: { Type: 'Pass', Next: 'Missing' } }));
    expect(result).toBe('FAIL');
    expect(diagnostics.map((d) => d.message).join('\n')).toContain('Missing');
  });
});

describe('parseDefinition', () => {
  test('returns the parsed document when valid', () => {
    const text = machine({ A: { Type: 'Succeed' } });
    expect(parseDefinition(text)).toEqual({ StartAt: 'A', States: { A: { Type: 'Succeed' } } });
  });

  test("throws InvalidDefinition with AWS's wording and every diagnostic", () => {
    let error: unknown;
    try {
      parseDefinition('[]');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SfnApiError);
    expect(error).toMatchObject({
      code: 'InvalidDefinition',
      message: "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The definition must be a JSON object at /'",
    });
  });
});
