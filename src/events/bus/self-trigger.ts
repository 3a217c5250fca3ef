/**
 * Rules that their own targets can trigger again: a loop that runs for ever, on AWS as here
 * (EventBridge's documentation warns of these "infinite loops"). EventBridge answers PutTargets
 * without a warning field, so the bus reports them in its log and `statecraft serve`'s banner. Two
 * cases are certain enough to report: a rule on the default bus that matches the "Step Functions
 * Execution Status Change" events of the state machine it starts, and a rule that forwards what it
 * matches to its own bus.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rules-best-practices.html#eb-rules-infinite-loops
 */
import type { Target } from '@aws-sdk/client-eventbridge';
import { compileEventPattern, matchesEventPattern, type CompiledPattern } from '../patterns';
import { DEFAULT_BUS, resourceNameOf, type Location } from './arns';
import { executionStatusEvent } from './execution-status-event';

export interface RuleShape {
  readonly bus: string;
  readonly name: string;
  readonly eventPattern?: string;
}

const STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'] as const;

/** Why the target can make the rule fire again, as a warning to print, or undefined. */
export function selfTriggerWarning(rule: RuleShape, target: Pick<Target, 'Id' | 'Arn'>, location: Location): string | undefined {
  if (rule.eventPattern === undefined || target.Arn === undefined) return undefined;
  const pattern = compileEventPattern(rule.eventPattern);
  const where = `Rule ${rule.name} on event bus ${rule.bus}`;
  if (resourceNameOf(target.Arn, 'event-bus') === rule.bus) {
    return `${where} sends what it matches to its own bus through target ${target.Id}: every event it matches comes back to it, for ever (an infinite loop).`;
  }
  const statuses = rule.bus === DEFAULT_BUS ? statusesMatched(pattern, target.Arn, location) : [];
  if (statuses.length === 0) return undefined;
  return (
    `${where} matches the "Step Functions Execution Status Change" events (${statuses.join(', ')}) of ${target.Arn}, ` +
    `which its target ${target.Id} starts: each execution starts another, for ever (an infinite loop). Narrow the pattern, e.g. on detail.stateMachineArn.`
  );
}

/** The execution statuses whose status-change event of this state machine the pattern matches. */
function statusesMatched(pattern: CompiledPattern, stateMachineArn: string, location: Location): string[] {
  const match = /^arn:aws:states:([^:]*):([^:]*):stateMachine:([^:]+)$/.exec(stateMachineArn);
  if (!match) return [];
  const [, region, account, name] = match;
  const executionArn = `arn:aws:states:${region}:${account}:execution:${name}:self-trigger-check`;
  return STATUSES.filter((status) => {
    const event = executionStatusEvent(
      { executionArn, stateMachineArn, name: 'self-trigger-check', status, startDate: 0, ...(status === 'RUNNING' ? {} : { stopDate: 1 }), input: '{}', redriveCount: 0 },
      { region: region || location.region, account: account || location.account },
      'self-trigger-check',
    );
    return matchesEventPattern(pattern, event);
  });
}
