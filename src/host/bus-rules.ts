/**
 * Puts the registry's rules on an event bus (the local one, or anything with EventBridge's PutRule
 * and PutTargets): one rule each, targeting the state machine it starts.
 */
import { DEFAULT_LOCATION, roleArn } from '../location';
import type { PutRuleRequest, PutTargetsRequest } from '@aws-sdk/client-eventbridge';
import type { RegisteredRule } from './register-locally';

/** The part of the EventBridge API this needs; the local `EventBus` has it. */
export interface RuleSink {
  putRule(input: PutRuleRequest): unknown;
  putTargets(input: PutTargetsRequest): unknown;
}

export const LOCAL_EVENTS_ROLE_ARN = roleArn(DEFAULT_LOCATION, 'statecraft-events');

export function putRulesOnBus(bus: RuleSink, rules: readonly RegisteredRule[]): void {
  for (const rule of rules) {
    bus.putRule({
      Name: rule.name,
      Description: rule.description,
      State: 'ENABLED',
      ...(rule.eventPattern && { EventPattern: JSON.stringify(rule.eventPattern) }),
      ...(rule.scheduleExpression && { ScheduleExpression: rule.scheduleExpression }),
    });
    bus.putTargets({
      Rule: rule.name,
      Targets: [{ Id: rule.target.workflow, Arn: rule.targetArn, RoleArn: LOCAL_EVENTS_ROLE_ARN, InputTransformer: rule.target.inputTransformer }],
    });
  }
}
