/** A recording is read under its case's own path overwrites, whether or not it was made with them. */
import type { SfnCase } from './corpus';
import { recorded } from './history';

const withOps = (normalization: SfnCase['normalization']) => ({ normalization }) as SfnCase;
const overwrite = { op: 'jsonpath', path: '$..SdkResponseMetadata..RequestId', replacement: 'RequestId', replaceReference: false, priority: 0 };

test.each<[string, SfnCase['normalization'], unknown, unknown]>([
  ['a raw value under an overwritten path takes the replacement', [overwrite], { SdkResponseMetadata: { RequestId: '<uuid:1>' } }, { SdkResponseMetadata: { RequestId: 'RequestId' } }],
  ['a recording made with the op is unchanged', [overwrite], [{ out: { SdkResponseMetadata: { RequestId: 'RequestId' } } }], [{ out: { SdkResponseMetadata: { RequestId: 'RequestId' } } }]],
  ['a reference op (replaceReference not false) is not an overwrite', [{ ...overwrite, replaceReference: true }], { SdkResponseMetadata: { RequestId: '<uuid:1>' } }, { SdkResponseMetadata: { RequestId: '<uuid:1>' } }],
  ['other ops leave the recording alone', [{ op: 'literal', value: '<uuid:1>', replacement: 'x' }], { RequestId: '<uuid:1>' }, { RequestId: '<uuid:1>' }],
])('%s', (_what, ops, value, expected) => {
  expect(recorded(withOps(ops), value)).toEqual(expected);
});

test('the recording itself is not modified', () => {
  const value = { SdkResponseMetadata: { RequestId: '<uuid:1>' } };
  recorded(withOps([overwrite]), value);
  expect(value.SdkResponseMetadata.RequestId).toBe('<uuid:1>');
});
