/** The registry kind of a logo detector names its artefact format's version; format 1 keeps the plain kind. */
import { detectorKind, isDetectorKind } from '../../../../../workflows/brand/lib/detector/kind';

test.each([
  ['statecraft-orb-logo-detector/1', 'logo-detector'],
  ['statecraft-fused-logo-detector/2', 'logo-detector/2'],
  ['statecraft-fused-logo-detector/13', 'logo-detector/13'],
])('format %s registers as %s', (format, kind) => {
  expect(detectorKind(format)).toBe(kind);
});

test.each([
  ['logo-detector', true],
  ['logo-detector/2', true],
  ['logo-detector/x', false],
  ['svm', false],
])('%s is a logo detector: %s', (kind, expected) => {
  expect(isDetectorKind(kind)).toBe(expected);
});
