/**
 * Runs one normalization op at its turn: immediate ops change the document now, serialized ops register a
 * text replacement, reference ops register one replacement per distinct matched value.
 */
import { convertFirstOutputToJson, removeKey, simplifyResponseMetadata } from './document-ops';
import { UnsupportedNormalizationError } from './errors';
import { findJsonPath, updateJsonPath } from './json-path';
import { datetimeObjects, sfnCauseJsonInput, timestampKeys, transformKeyValues, uuidIdKeys } from './key-value-ops';
import { sortParallelEvents } from './parallel-sort';
import { PATTERN_ISO8601 } from './patterns';
import { pythonRegExp, pythonSub } from './python-regex';
import type { TransformContext } from './transform-context';
import type { NormalizationOp } from './types';

type Dict = Record<string, unknown>;

export interface OpTurn {
  document: Dict;
  context: TransformContext;
  /** The literal's value with its `${…}` token expanded. */
  literalValue?: string;
}

function stringField(op: NormalizationOp, field: string): string {
  const value = op[field];
  if (typeof value !== 'string') throw new UnsupportedNormalizationError(op, `'${field}' must be a string`);
  return value;
}

export function applyOp(op: NormalizationOp, { document, context, literalValue }: OpTurn): void {
  switch (op.op) {
    case 'literal': {
      // Recorded as re.sub(value, …), but every corpus value only matches itself: a plain text replacement.
      const [needle, replacement] = [literalValue ?? stringField(op, 'value'), stringField(op, 'replacement')];
      return context.register((text) => text.replaceAll(needle, replacement));
    }
    case 'regex': {
      const [pattern, replacement] = [pythonRegExp(stringField(op, 'pattern')), stringField(op, 'replacement')];
      return context.register((text) => pythonSub(pattern, replacement, text));
    }
    case 'iso8601_to_date': {
      const replacement = stringField(op, 'replacement');
      return context.register((text) => text.replace(PATTERN_ISO8601, () => replacement));
    }
    case 'jsonpath':
      return applyJsonPathOp(op, document, context);
    case 'uuid_id_keys':
      return transformKeyValues(document, uuidIdKeys, { kind: 'reference', name: stringField(op, 'replacement'), context });
    case 'sfn_cause_json_input':
      return transformKeyValues(document, sfnCauseJsonInput, { kind: 'reference', name: stringField(op, 'replacement'), context });
    case 'timestamp_keys':
      return transformKeyValues(document, timestampKeys, { kind: 'replace', replacement: stringField(op, 'replacement') });
    case 'datetime_objects':
      return transformKeyValues(document, datetimeObjects, { kind: 'replace', replacement: stringField(op, 'replacement') });
    case 'remove_key':
      return removeKey(document, stringField(op, 'key'));
    case 'response_metadata':
      return simplifyResponseMetadata(document);
    case 'sfn_parallel_sort':
      return sortParallelEvents(document, typeof op.path === 'string' ? op.path : undefined);
    case 'convert_first_output_to_json':
      return convertFirstOutputToJson(document);
    default:
      throw new UnsupportedNormalizationError(op, 'unknown op');
  }
}

function applyJsonPathOp(op: NormalizationOp, document: Dict, context: TransformContext): void {
  const [path, replacement] = [stringField(op, 'path'), stringField(op, 'replacement')];
  if (op.replaceReference === false) return updateJsonPath(document, path, replacement);
  for (const match of findJsonPath(document, path)) context.registerReference(match.value, replacement);
}
