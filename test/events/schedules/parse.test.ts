import { parseRuleSchedule, parseSchedulerSchedule, ScheduleExpressionError } from '../../../src/events/schedules';

function ruleError(expression: string, eventBusName?: string): { code: string; message: string } | undefined {
  try {
    parseRuleSchedule(expression, { eventBusName });
    return undefined;
  } catch (error) {
    if (!(error instanceof ScheduleExpressionError)) throw error;
    return { code: error.code, message: error.message };
  }
}

const INVALID = { code: 'ValidationException', message: 'Parameter ScheduleExpression is not valid.' };

describe('parseRuleSchedule', () => {
  it.each([
    'rate(1 minute)',
    'rate(1 hour)',
    'rate(1 day)',
    'rate(5 minutes)',
    'rate(2 days)',
    'cron(0 0 L * ? *)',
    'cron(0 0 LW * ? *)',
    'cron(0 0 15W * ? *)',
    'cron(0 0 ? * 2#1 *)',
    'cron(0 0 ? * SUN-SAT *)',
    'cron(0 0 1-15/2 JAN-MAR/2 ? 2026-2199)',
    'cron(*/5 * * * ? *)',
  ])('accepts %s', (expression) => {
    expect(ruleError(expression)).toBeUndefined();
  });

  it.each([
    'rate(1 days)',
    'rate(2 minute)',
    'rate(1.5 hours)',
    'rate(5  minutes)',
    'rate(5 weeks)',
    'RATE(5 minutes)',
    'cron(0 12 * * ? *) ',
    'cron(0 12 ? * ? *)',
    'cron(0 12 * * ?)',
    'cron(0 12 * * ? * *)',
    'cron(0 24 * * ? *)',
    'cron(60 0 * * ? *)',
    'cron(0 0 32 * ? *)',
    'cron(0 0 0 * ? *)',
    'cron(0 0 * 13 ? *)',
    'cron(0 0 ? * 8 *)',
    'cron(0 0 ? * MON#6 *)',
    'cron(0 0 * * ? 1969)',
    'cron(0 0 * * ? 2200)',
    'cron(0/0 0 * * ? *)',
    'cron(0/61 0 * * ? *)',
    'cron(0 0 L,1 * ? *)',
    'cron(0 0 ? * 1L,2 *)',
    'cron(0  0 * * ? *)',
    'cron(0 0 ? * MON- *)',
    'at(2026-01-01T00:00:00)',
  ])('rejects %s', (expression) => {
    expect(ruleError(expression)).toEqual(INVALID);
  });

  it('rejects any schedule on a custom event bus', () => {
    expect(ruleError('rate(5 minutes)', 'my-bus')).toEqual({
      code: 'ValidationException',
      message: 'ScheduleExpression is supported only on the default event bus.',
    });
    expect(ruleError('rate(5 minutes)', 'default')).toBeUndefined();
  });
});

describe('parseSchedulerSchedule', () => {
  it('echoes the expression in its error', () => {
    expect(() => parseSchedulerSchedule('at(2026-02-30T00:00:00)')).toThrow(
      new ScheduleExpressionError('ValidationException', 'Invalid Schedule Expression at(2026-02-30T00:00:00).'),
    );
  });

  it.each(['rate(2 minute)', 'rate(1 hours)', 'rate(3 day)'])('accepts %s whatever the unit\'s number, unlike a rule', (expression) => {
    expect(parseSchedulerSchedule(expression)).toMatchObject({ kind: 'rate', expression });
  });

  it.each(['rate(10 minutess)', 'rate(10 seconds)', 'rate(10)', 'rate(0 minutes)'])('still rejects %s', (expression) => {
    expect(() => parseSchedulerSchedule(expression)).toThrow(`Invalid Schedule Expression ${expression}.`);
  });

  it('evaluates in the given IANA zone and rejects unknown zones', () => {
    expect(parseSchedulerSchedule('cron(0 9 * * ? *)', 'Asia/Tokyo')).toMatchObject({ timezone: 'Asia/Tokyo' });
    expect(() => parseSchedulerSchedule('cron(0 9 * * ? *)', 'Mars/Olympus')).toThrow(ScheduleExpressionError);
  });
});
