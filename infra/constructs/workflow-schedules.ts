/**
 * The EventBridge Scheduler schedules that start a workflow, from the same ScheduleDefinitions the
 * local Scheduler runs: each an `AWS::Scheduler::Schedule` whose templated Step Functions target calls
 * StartExecution on the workflow's state machine, with an execution role that may do exactly that.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-scheduler-schedule.html
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { DEFAULT_SCHEDULE_GROUP, type ScheduleDefinition } from '../../src/builder';

export interface WorkflowSchedulesProps {
  readonly schedules: readonly ScheduleDefinition[];
  readonly stateMachine: sfn.IStateMachine;
  /** The deployed group of each non-default group name; schedules in it wait for it. */
  readonly group: (name: string) => scheduler.CfnScheduleGroup;
}

export class UnsupportedScheduleOptionError extends Error {
  override readonly name = 'UnsupportedScheduleOptionError';
}

export class WorkflowSchedules extends Construct {
  readonly schedules: scheduler.CfnSchedule[] = [];

  constructor(scope: Construct, id: string, props: WorkflowSchedulesProps) {
    super(scope, id);
    if (props.schedules.length === 0) return;
    // Scheduler assumes the role on behalf of this account's schedules only (the confused-deputy guard AWS recommends).
    const role = new iam.Role(this, 'StartRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } } }),
      description: 'schedules start their workflow',
    });
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [props.stateMachine.stateMachineArn] }));
    const deadLetterQueues = [...new Set(props.schedules.flatMap((schedule) => (schedule.deadLetterQueueArn ? [schedule.deadLetterQueueArn] : [])))];
    if (deadLetterQueues.length > 0) role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: deadLetterQueues }));
    for (const schedule of props.schedules) this.schedules.push(this.schedule(schedule, role, props));
  }

  private schedule(schedule: ScheduleDefinition, role: iam.IRole, props: WorkflowSchedulesProps): scheduler.CfnSchedule {
    // CloudFormation's schedule has no ActionAfterCompletion; a schedule Scheduler deleted would also leave the stack drifted.
    if (schedule.actionAfterCompletion === 'DELETE') {
      throw new UnsupportedScheduleOptionError(`schedule ${schedule.name}: actionAfterCompletion DELETE is not deployable with CloudFormation (AWS::Scheduler::Schedule has no such property)`);
    }
    const deployed = new scheduler.CfnSchedule(this, `${schedule.group}-${schedule.name}`, {
      name: schedule.name,
      groupName: schedule.group,
      description: schedule.description,
      scheduleExpression: schedule.expression,
      scheduleExpressionTimezone: schedule.timezone,
      flexibleTimeWindow: schedule.flexibleWindowMinutes === undefined ? { mode: 'OFF' } : { mode: 'FLEXIBLE', maximumWindowInMinutes: schedule.flexibleWindowMinutes },
      startDate: schedule.start?.toISOString(),
      endDate: schedule.end?.toISOString(),
      state: schedule.enabled ? 'ENABLED' : 'DISABLED',
      target: {
        arn: props.stateMachine.stateMachineArn,
        roleArn: role.roleArn,
        input: JSON.stringify(schedule.target.input),
        retryPolicy: { maximumRetryAttempts: schedule.retryPolicy.maximumRetryAttempts, maximumEventAgeInSeconds: schedule.retryPolicy.maximumEventAgeSeconds },
        deadLetterConfig: schedule.deadLetterQueueArn ? { arn: schedule.deadLetterQueueArn } : undefined,
      },
    });
    if (schedule.group !== DEFAULT_SCHEDULE_GROUP) deployed.addResourceDependency(props.group(schedule.group));
    return deployed;
  }
}
