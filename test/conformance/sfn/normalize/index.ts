/** Snapshot normalisation of the recorded conformance corpus (localstack-snapshot semantics). */
export { normalizeSnapshot } from './normalize-snapshot';
export { pythonJsonDumps } from './python-json';
export type { NormalizationOp, RecordingRefs } from './types';
export {
  MissingReferenceError,
  ReferenceValueTypeError,
  SerializedReplacementError,
  UnserializableValueError,
  UnsupportedNormalizationError,
} from './errors';
