import { Type } from '@sinclair/typebox';
import { assertPayload, SchemaValidationError, validatePayload } from '../../src/schemas';

const KfoldInput = Type.Object(
  {
    dataset: Type.Object({ bucket: Type.String(), key: Type.String() }),
    k: Type.Integer({ minimum: 2 }),
    kernel: Type.Union([Type.Literal('linear'), Type.Literal('rbf')]),
    startedAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
const where = 'Input of workflow kfold-cv';
const valid = { dataset: { bucket: 'b', key: 'datasets/kfold/iris.csv' }, k: 5, kernel: 'rbf', startedAt: '2024-05-01T10:00:00Z' };

describe('validatePayload', () => {
  test('a conforming payload has no problems', () => {
    expect(validatePayload(KfoldInput, valid, where)).toEqual([]);
  });

  test.each([
    ['a bound', { ...valid, k: 1 }, [{ where, path: '/k', message: 'must be >= 2' }]],
    ['a nested missing field', { ...valid, dataset: { bucket: 'b' } }, [{ where, path: '/dataset/key', message: 'is required' }]],
    ['an extra field', { ...valid, extra: 1 }, [{ where, path: '/extra', message: 'is not allowed' }]],
    ['a format', { ...valid, startedAt: 'yesterday' }, [{ where, path: '/startedAt', message: 'must match format "date-time"' }]],
    ['a wrong type', { ...valid, k: 'five' }, [{ where, path: '/k', message: 'must be integer' }]],
  ])('names the field that fails %s', (_case, payload, problems) => {
    expect(validatePayload(KfoldInput, payload, where)).toEqual(problems);
  });

  test('reports every problem, not only the first', () => {
    const paths = validatePayload(KfoldInput, { dataset: {}, k: 0, kernel: 'poly' }, where).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['/dataset/bucket', '/dataset/key', '/k', '/kernel']));
  });
});

describe('assertPayload', () => {
  test('returns the typed payload when it conforms', () => {
    const input = assertPayload(KfoldInput, valid, where);
    expect(input.k).toBe(5);
  });

  test('throws a SchemaValidationError naming where and each failing field', () => {
    let error: unknown;
    try {
      assertPayload(KfoldInput, { ...valid, k: 1, dataset: { bucket: 'b' } }, where);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SchemaValidationError);
    expect((error as SchemaValidationError).name).toBe('SchemaValidationError');
    expect((error as SchemaValidationError).message).toBe('Input of workflow kfold-cv: /dataset/key is required; /k must be >= 2');
    expect((error as SchemaValidationError).problems).toHaveLength(2);
  });

  test('a problem with the payload itself is reported at (root)', () => {
    expect(() => assertPayload(KfoldInput, 'not an object', where)).toThrow('Input of workflow kfold-cv: (root) must be object');
  });
});
