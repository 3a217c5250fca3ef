import type { Json, JsonObject } from '../../../src/asl/json';
import type { NormalizationOp } from './corpus';

/** The names our test execution ran under, substituted for the recording's `${...}` tokens. */
export interface RunNames {
  stateMachineName: string;
  executionName: string;
}

export const ACCOUNT = '000000000000';
export const REGION = 'us-east-1';
const OUTPUT_FIELD_PATH = /executionSucceededEventDetails\.output\.([A-Za-z0-9_]+)$/;

/**
 * Applies the parts of a case's snapshot normalisation that can touch a final output: `literal`
 * replacements on its JSON text and `jsonpath` replacements of output fields, in priority order.
 */
export function normalizeOutput(output: Json, ops: readonly NormalizationOp[], names: RunNames): Json {
  let text = JSON.stringify(output);
  for (const op of [...ops].sort((a, b) => a.priority - b.priority)) {
    if (op.op === 'literal' && op.value !== undefined && op.replacement !== undefined) {
      const literal = resolveLiteral(op.value, output, names);
      if (literal) text = text.split(literal).join(op.replacement);
    } else if (op.op === 'jsonpath' && op.path && op.replacement !== undefined) {
      const field = OUTPUT_FIELD_PATH.exec(op.path)?.[1];
      const parsed = JSON.parse(text) as JsonObject;
      if (field && field in parsed) text = JSON.stringify({ ...parsed, [field]: op.replacement });
    }
  }
  return JSON.parse(text) as Json;
}

function resolveLiteral(token: string, output: Json, names: RunNames): string | undefined {
  switch (token) {
    case '${accountId}':
      return ACCOUNT;
    case '${region}':
      return REGION;
    case 'arn:${partition}:':
      return 'arn:aws:';
    case '${stateMachineName}':
      return names.stateMachineName;
    case '${executionName}':
      return names.executionName;
    case '${roleArn}':
      return undefined;
    default:
      if (token.startsWith('${output.')) {
        const value = (output as JsonObject)[token.slice('${output.'.length, -1)];
        return typeof value === 'string' ? value : JSON.stringify(value);
      }
      return token;
  }
}
