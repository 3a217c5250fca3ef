import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { StateMachineDefinition } from '../../../src/asl/definition';
import type { Json } from '../../../src/asl/json';

/** One Step Functions execution recorded on AWS (see ../shared/conformance/README.md). */
export interface SfnCase {
  id: string;
  area: string;
  definition: StateMachineDefinition;
  input: string | null;
  expect: { status: string; output?: Json; error?: string; cause?: Json; reliability: string };
  history: HistoryEvent[] | null;
  normalization: NormalizationOp[];
}

export interface HistoryEvent {
  type: string;
  stateEnteredEventDetails?: { name: string };
}

export interface NormalizationOp {
  op: string;
  priority: number;
  value?: string;
  path?: string;
  replacement?: string;
}

const CORPUS = resolve(__dirname, '../../../../shared/conformance/sfn-cases.jsonl');

export function loadSfnCases(area: string): SfnCase[] {
  return readFileSync(CORPUS, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SfnCase)
    .filter((sfnCase) => sfnCase.area === area);
}

/** "No input" is `{}` for StartExecution. */
export function caseInput(sfnCase: SfnCase): Json {
  return sfnCase.input === null ? {} : (JSON.parse(sfnCase.input) as Json);
}
