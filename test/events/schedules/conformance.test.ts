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

/** Accepted when AWS accepts it, refused with AWS's code and message when AWS refuses it. */
function agrees(testCase: ScheduleCase): boolean {
  try {
    parse(testCase);
    return testCase.valid;
  } catch (error) {
    if (!(error instanceof ScheduleExpressionError)) return false;
    return !testCase.valid && error.code === testCase.errorCode && error.message === testCase.errorMessage;
  }
}

describe('schedule-expressions corpus (recorded on AWS)', () => {
  it('has cases for both services', () => {
    expect(cases.filter((c) => c.service === 'events').length).toBeGreaterThan(0);
    expect(cases.filter((c) => c.service === 'scheduler').length).toBeGreaterThan(0);
  });

  it('reports pass counts', () => {
    const agreeing = cases.filter(agrees);
    const line = (service: ScheduleCase['service'], valid: boolean) => {
      const all = cases.filter((c) => c.service === service && c.valid === valid);
      return `${all.filter(agrees).length}/${all.length}`;
    };
    console.log([
      `schedule expressions agree with AWS: ${agreeing.length}/${cases.length}`,
      `  EventBridge rules: accepted ${line('events', true)}, rejected with AWS's error ${line('events', false)}`,
      `  EventBridge Scheduler: accepted ${line('scheduler', true)}, rejected with AWS's error ${line('scheduler', false)}`,
    ].join('\n'));
    expect(agreeing.length).toBe(cases.length);
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
