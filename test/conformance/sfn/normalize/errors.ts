/** Errors of the snapshot normaliser; each names the localstack-snapshot failure it mirrors. */

/** The op list holds an op (or an op shape) the corpus README does not describe. */
export class UnsupportedNormalizationError extends Error {
  override readonly name = 'UnsupportedNormalizationError';
  constructor(readonly op: unknown, detail: string) {
    super(`Unsupported normalization op ${JSON.stringify(op)}: ${detail}`);
  }
}

/** A `${…}` literal token needs a value the caller's RecordingRefs do not provide. */
export class MissingReferenceError extends Error {
  override readonly name = 'MissingReferenceError';
  constructor(readonly token: string, detail: string) {
    super(`Cannot expand ${token}: ${detail}`);
  }
}

/** localstack-snapshot's TransformerException: reference replacement of a value that is not a string. */
export class ReferenceValueTypeError extends Error {
  override readonly name = 'TransformerException';
  constructor(readonly replacement: string, readonly value: unknown) {
    super(`The reference value ${JSON.stringify(value)} for <${replacement}> is not a string; reference replacements only support strings`);
  }
}

/** The serialized replacements broke the JSON text of a top-level key (localstack-snapshot then returns {}). */
export class SerializedReplacementError extends Error {
  override readonly name = 'SerializedReplacementError';
  constructor(readonly key: string, readonly text: string) {
    super(`Serialized replacements left invalid JSON for key '${key}': ${text.slice(0, 200)}`);
  }
}

/** A value json.dumps could not serialise. */
export class UnserializableValueError extends Error {
  override readonly name = 'UnserializableValueError';
  constructor(readonly value: unknown) {
    super(`Value of type ${typeof value} is not JSON-serialisable`);
  }
}
