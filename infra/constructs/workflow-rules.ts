/**
 * The EventBridge rules that start a workflow, from the same RuleDefinitions the local bus runs:
 * the pattern (with logical bucket names replaced by the deployed ones) or the schedule, the input
 * transformer, and a role that may start exactly the target state machine.
 */
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { RuleDefinition } from '../../src/builder';
import { deployedPattern } from './deployed-pattern';

export interface WorkflowRulesProps {
  readonly rules: readonly RuleDefinition[];
  readonly stateMachine: sfn.IStateMachine;
  /** Deployed bucket name by logical name. */
  readonly bucketNames: ReadonlyMap<string, string>;
}

export class UnsupportedScheduleError extends Error {
  override readonly name = 'UnsupportedScheduleError';
}

export class WorkflowRules extends Construct {
  readonly rules: events.CfnRule[] = [];

  constructor(scope: Construct, id: string, props: WorkflowRulesProps) {
    super(scope, id);
    if (props.rules.length === 0) return;
    const role = new iam.Role(this, 'StartRole', { assumedBy: new iam.ServicePrincipal('events.amazonaws.com'), description: 'rules start their workflow' });
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [props.stateMachine.stateMachineArn] }));
    for (const rule of props.rules) this.rules.push(this.rule(rule, role, props));
  }

  private rule(rule: RuleDefinition, role: iam.IRole, props: WorkflowRulesProps): events.CfnRule {
    // EventBridge rules take rate() and cron(); one-time at() schedules exist only in EventBridge Scheduler.
    if (rule.scheduleExpression?.startsWith('at(')) throw new UnsupportedScheduleError(`rule ${rule.name}: at() schedules are not deployable as EventBridge rules`);
    const transformer = rule.target.inputTransformer;
    return new events.CfnRule(this, rule.name, {
      name: rule.name,
      description: rule.description,
      state: 'ENABLED',
      eventPattern: rule.eventPattern === undefined ? undefined : deployedPattern(rule.eventPattern, props.bucketNames),
      scheduleExpression: rule.scheduleExpression,
      targets: [
        {
          id: rule.target.workflow,
          arn: props.stateMachine.stateMachineArn,
          roleArn: role.roleArn,
          inputTransformer: transformer && { inputPathsMap: transformer.InputPathsMap, inputTemplate: transformer.InputTemplate },
        },
      ],
    });
  }
}
