import { notRedrivableReason, redriveStatus } from '../../src/control/redrive-execution';
import type { ExecutionRecord } from '../../src/store';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 5, 1);
const failed: ExecutionRecord = {
  arn: 'arn:aws:states:us-east-1:000000000000:execution:sm:run',
  name: 'run',
  stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:sm',
  definition: '{}',
  roleArn: 'arn:aws:iam::000000000000:role/r',
  type: 'STANDARD',
  status: 'FAILED',
  input: '{}',
  startDate: NOW - 2 * DAY,
  stopDate: NOW - DAY,
  redriveCount: 0,
};

describe('which executions RedriveExecution accepts', () => {
  test.each<[string, Partial<ExecutionRecord>, string | undefined]>([
    ['a FAILED STANDARD execution', {}, undefined],
    ['a TIMED_OUT one', { status: 'TIMED_OUT' }, undefined],
    ['an ABORTED one', { status: 'ABORTED' }, undefined],
    ['one that ended exactly 14 days ago', { stopDate: NOW - 14 * DAY }, undefined],
    ['one redriven 999 times', { redriveCount: 999 }, undefined],
    ['an EXPRESS execution', { type: 'EXPRESS' }, 'Express executions cannot be redriven'],
    ['a SUCCEEDED execution', { status: 'SUCCEEDED' }, 'Execution is SUCCEEDED and cannot be redriven'],
    ['a RUNNING execution', { status: 'RUNNING', stopDate: undefined }, 'Execution is RUNNING and cannot be redriven'],
    ['one that ended more than 14 days ago', { stopDate: NOW - 14 * DAY - 1 }, 'Execution can only be redriven within 14 days of its end'],
    ['one redriven 1000 times', { redriveCount: 1000 }, 'Execution has been redriven the maximum of 1000 times'],
  ])('%s', (_name, change, reason) => {
    expect(notRedrivableReason({ ...failed, ...change }, NOW)).toBe(reason);
  });
});

describe('redriveStatus as DescribeExecution reports it', () => {
  test.each<[string, Partial<ExecutionRecord>, unknown]>([
    ['redrivable', {}, { redriveStatus: 'REDRIVABLE' }],
    ['running', { status: 'RUNNING', stopDate: undefined }, { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: 'Execution is RUNNING and cannot be redriven' }],
    ['succeeded', { status: 'SUCCEEDED' }, { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven' }],
    ['too old', { stopDate: NOW - 15 * DAY }, { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: 'Execution can only be redriven within 14 days of its end' }],
  ])('%s', (_name, change, expected) => {
    expect(redriveStatus({ ...failed, ...change }, NOW)).toEqual(expected);
  });
});
