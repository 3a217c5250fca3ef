import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseRuleSchedule, parseSchedulerSchedule, ScheduleExpressionError } from '../../../src/events/schedules';

interface ScheduleCase {
  id: string;
  service: 'events' | 'scheduler';
  expression: string;
  valid: boolean;
  errorCode?: string;
  errorMessage?: string;
}

const corpusFile = resolve(__dirname, '../../../../shared/conformance/schedule-expressions.jsonl');
const cases: ScheduleCase[] = readFileSync(corpusFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as ScheduleCase);

function parse(testCase: ScheduleCase): unknown {
  return testCase.service === 'events'
    ? parseRuleSchedule(testCase.expression)
    : parseSchedulerSchedule(testCase.expression);
}

describe('schedule-expressions corpus (recorded on AWS)', () => {
  it('has cases for both services', () => {
    expect(cases.filter((c) => c.service === 'events').length).toBeGreaterThan(0);
    expect(cases.filter((c) => c.service === 'scheduler').length).toBeGreaterThan(0);
  });

  it.each(cases.filter((c) => c.valid).map((c) => [c.id, c] as const))('%s is accepted', (_id, testCase) => {
    expect(() => parse(testCase)).not.toThrow();
  });

  it.each(cases.filter((c) => !c.valid).map((c) => [c.id, c] as const))('%s is rejected', (_id, testCase) => {
    let thrown: unknown;
    try {
      parse(testCase);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ScheduleExpressionError);
    const error = thrown as ScheduleExpressionError;
    expect({ code: error.code, message: error.message }).toEqual({
      code: testCase.errorCode,
      message: testCase.errorMessage,
    });
  });
});
