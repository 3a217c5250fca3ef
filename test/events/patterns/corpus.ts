/** Loads the recorded TestEventPattern cases and runs one through our implementation. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InvalidEventError, InvalidEventPatternError, testEventPattern } from '../../../src/events/patterns';

export interface PatternCase {
  id: string;
  event: string;
  pattern: string;
  expect: 'match' | 'nomatch' | 'error';
  errorCode?: string;
  errorMessage?: string;
  errorMessageRaw?: string;
}

export const CORPUS_FILE = path.resolve(__dirname, '../../../../shared/conformance/eventbridge-patterns.jsonl');

export function loadCorpus(): PatternCase[] {
  return readFileSync(CORPUS_FILE, 'utf8').split('\n').filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as PatternCase);
}

export type Outcome =
  | { expect: 'match' | 'nomatch' }
  | { expect: 'error'; errorCode: string; errorMessage: string; errorMessageRaw: string };

export function run(testCase: PatternCase): Outcome {
  try {
    return { expect: testEventPattern(testCase.pattern, testCase.event) ? 'match' : 'nomatch' };
  } catch (error) {
    if (error instanceof InvalidEventPatternError || error instanceof InvalidEventError) {
      return { expect: 'error', errorCode: error.code, errorMessage: error.message.split('\n')[0], errorMessageRaw: error.message };
    }
    throw error;
  }
}

/** Whether the outcome agrees with AWS: same answer, or same error code and first message line. */
export function agrees(testCase: PatternCase, outcome: Outcome): boolean {
  if (outcome.expect !== testCase.expect) return false;
  if (outcome.expect !== 'error') return true;
  return outcome.errorCode === testCase.errorCode && outcome.errorMessage === testCase.errorMessage;
}
