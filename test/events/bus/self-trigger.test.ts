/** Which rule/target pairs loop for ever: table-driven over patterns and targets, and the bus's report. */
import { selfTriggerWarning, type RuleShape } from '../../../src/events/bus/self-trigger';
import { newBus } from './helpers';

const LOCATION = { region: 'us-east-1', account: '000000000000' };
const SM = 'arn:aws:states:us-east-1:000000000000:stateMachine:train';
const OTHER_SM = 'arn:aws:states:us-east-1:000000000000:stateMachine:report';
const FN = 'arn:aws:lambda:us-east-1:000000000000:function:notify';
const STATUS = 'Step Functions Execution Status Change';

const rule = (pattern: object | undefined, bus = 'default'): RuleShape => ({ bus, name: 'r', ...(pattern ? { eventPattern: JSON.stringify(pattern) } : {}) });

test.each<[string, RuleShape, string, RegExp | undefined]>([
  ['every status change of every state machine, starting one', rule({ source: ['aws.states'] }), SM, /matches the "Step Functions Execution Status Change" events \(RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED\) of .*stateMachine:train/],
  ['its own SUCCEEDED events', rule({ source: ['aws.states'], 'detail-type': [STATUS], detail: { status: ['SUCCEEDED'], stateMachineArn: [SM] } }), SM, /\(SUCCEEDED\)/],
  ['failures by prefix of its ARN', rule({ 'detail-type': [STATUS], detail: { status: [{ 'anything-but': 'SUCCEEDED' }], stateMachineArn: [{ prefix: 'arn:aws:states:us-east-1:000000000000:stateMachine:tr' }] } }), SM, /\(RUNNING, FAILED, TIMED_OUT, ABORTED\)/],
  ['another state machine’s events: a chain, not a loop', rule({ source: ['aws.states'], detail: { stateMachineArn: [OTHER_SM] } }), SM, undefined],
  ['status changes feeding a Lambda function', rule({ source: ['aws.states'] }), FN, undefined],
  ['S3 uploads starting the state machine', rule({ source: ['aws.s3'], 'detail-type': ['Object Created'] }), SM, undefined],
  ['a custom bus never gets status changes', rule({ source: ['aws.states'] }, 'custom'), SM, undefined],
  ['a scheduled rule has no pattern', rule(undefined), SM, undefined],
  ['a rule forwarding to its own bus', rule({ source: ['my.app'] }, 'custom'), 'arn:aws:events:us-east-1:000000000000:event-bus/custom', /sends what it matches to its own bus through target t/],
  ['a rule forwarding to another bus', rule({ source: ['my.app'] }, 'custom'), 'arn:aws:events:us-east-1:000000000000:event-bus/default', undefined],
])('%s', (_, shape, arn, expected) => {
  const warning = selfTriggerWarning(shape, { Id: 't', Arn: arn }, LOCATION);
  if (expected === undefined) expect(warning).toBeUndefined();
  else expect(warning).toMatch(expected);
});

test('PutTargets reports a self-triggering target, and the bus lists every such rule', () => {
  const warnings: string[] = [];
  const { bus } = newBus({ onWarning: (message) => warnings.push(message) });
  bus.putRule({ Name: 'loop', EventPattern: JSON.stringify({ source: ['aws.states'] }) });
  bus.putRule({ Name: 'fine', EventPattern: JSON.stringify({ source: ['aws.s3'] }) });
  bus.putTargets({ Rule: 'fine', Targets: [{ Id: 't', Arn: SM }] });
  expect(warnings).toEqual([]);
  bus.putTargets({ Rule: 'loop', Targets: [{ Id: 'again', Arn: SM }] });
  expect(warnings).toEqual([expect.stringMatching(/^Rule loop on event bus default matches .* its target again starts/)]);
  expect(bus.selfTriggerWarnings()).toEqual(warnings);
  bus.close();
});
