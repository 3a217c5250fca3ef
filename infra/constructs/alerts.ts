/**
 * Where failures go: an encrypted SNS topic fed by the `alert-on-failure` rule (any of our state
 * machines ending FAILED, TIMED_OUT or ABORTED) and by one CloudWatch alarm per state machine.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export const ALERT_RULE_NAME = 'alert-on-failure';
export const ALERT_STATUSES = ['FAILED', 'TIMED_OUT', 'ABORTED'];

export interface AlertedStateMachine {
  readonly name: string;
  readonly stateMachine: sfn.StateMachine;
}

export interface AlertsProps {
  readonly stateMachines: readonly AlertedStateMachine[];
  /** Subscribed to the topic when given. */
  readonly email?: string;
}

export class Alerts extends Construct {
  readonly topic: sns.Topic;
  readonly rule: events.CfnRule;

  constructor(scope: Construct, id: string, props: AlertsProps) {
    super(scope, id);
    // Its own key: the services that publish (EventBridge, CloudWatch) get to use it, and nothing else.
    const key = new kms.Key(this, 'Key', { description: 'statecraft alerts topic', enableKeyRotation: true, removalPolicy: RemovalPolicy.DESTROY });
    this.topic = new sns.Topic(this, 'Topic', { displayName: 'statecraft alerts', masterKey: key, enforceSSL: true });
    for (const service of ['events.amazonaws.com', 'cloudwatch.amazonaws.com']) {
      key.grant(new iam.ServicePrincipal(service), 'kms:Decrypt', 'kms:GenerateDataKey*');
    }
    if (props.email) this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));
    this.rule = this.failureRule(props.stateMachines);
    for (const watched of props.stateMachines) this.alarm(watched);
  }

  private failureRule(stateMachines: readonly AlertedStateMachine[]): events.CfnRule {
    const rule = new events.CfnRule(this, 'FailureRule', {
      name: ALERT_RULE_NAME,
      description: 'A statecraft execution failed, timed out or was aborted',
      eventPattern: {
        source: ['aws.states'],
        'detail-type': ['Step Functions Execution Status Change'],
        detail: { status: ALERT_STATUSES, stateMachineArn: stateMachines.map((watched) => watched.stateMachine.stateMachineArn) },
      },
      targets: [{ id: 'alerts-topic', arn: this.topic.topicArn }],
    });
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('events.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { ArnEquals: { 'aws:SourceArn': rule.attrArn } },
      }),
    );
    return rule;
  }

  private alarm({ name, stateMachine }: AlertedStateMachine): void {
    const period = Duration.minutes(5);
    const ended = new cloudwatch.MathExpression({
      expression: 'failed + timedOut + aborted',
      usingMetrics: {
        failed: stateMachine.metricFailed({ period, statistic: 'Sum' }),
        timedOut: stateMachine.metricTimedOut({ period, statistic: 'Sum' }),
        aborted: stateMachine.metricAborted({ period, statistic: 'Sum' }),
      },
      label: 'executions that did not succeed',
      period,
    });
    const alarm = new cloudwatch.Alarm(this, `Alarm-${name}`, {
      alarmDescription: `an execution of ${name} failed, timed out or was aborted`,
      metric: ended,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
  }
}
