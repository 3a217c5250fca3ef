/** The recorded PutRule ScheduleExpression cases through the real client: accepted, or AWS's error. */
import { DescribeRuleCommand, PutRuleCommand } from '@aws-sdk/client-eventbridge';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectAwsError, startEventsHarness, type EventsHarness } from './harness';

interface ScheduleCase {
  id: string;
  service: 'events' | 'scheduler';
  expression: string;
  valid: boolean;
  errorCode?: string;
  errorMessage?: string;
}

const cases = readFileSync(resolve(__dirname, '../../../../shared/conformance/schedule-expressions.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as ScheduleCase)
  .filter((c) => c.service === 'events');

let h: EventsHarness;
beforeAll(async () => {
  h = await startEventsHarness();
});
afterAll(() => h.close());

test.each(cases.map((c, i) => [c.id, c, i] as const))('%s', async (_, testCase, index) => {
  const put = h.eb.send(new PutRuleCommand({ Name: `rule-${index}`, ScheduleExpression: testCase.expression, State: 'DISABLED' }));
  if (!testCase.valid) return expectAwsError(put, testCase.errorCode!, testCase.errorMessage);
  await put;
  expect((await h.eb.send(new DescribeRuleCommand({ Name: `rule-${index}` }))).ScheduleExpression).toBe(testCase.expression);
});
