/** The Step Functions cases recorded on real AWS (../shared/conformance/sfn-cases.jsonl). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StateMachineDefinition } from '../../../src/asl/definition';

export const CONFORMANCE_DIR = join(__dirname, '../../../../shared/conformance');

export interface LambdaSpec {
  kind: 'identity' | 'constant' | 'raise' | 'sleep' | 'raw' | 'raw_repeat' | 'python_repr_prefix';
  value?: unknown;
  errorType?: string;
  errorMessage?: string;
  stackTrace?: string[];
  seconds?: number;
  payload?: string;
  char?: string;
  count?: number;
  prefix?: string;
}

export interface SfnCase {
  id: string;
  area: string;
  features: string[];
  definition: StateMachineDefinition;
  /** null: started without an input. */
  input: string | null;
  lambdaSpecs?: Record<string, LambdaSpec>;
  expect: { status: string; output?: unknown; error?: string; cause?: unknown; reliability: 'exact' | 'normalized' | 'redacted' };
  history: Record<string, unknown>[] | null;
  normalization: { op: string; [k: string]: unknown }[];
  skipPaths?: string[];
  inputTemplate?: { path: string; generator: 'utcnow' | 'utcnow+days'; days?: number; format: string };
}

export function loadSfnCases(): SfnCase[] {
  return readFileSync(join(CONFORMANCE_DIR, 'sfn-cases.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SfnCase);
}
