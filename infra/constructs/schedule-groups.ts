/**
 * The Scheduler schedule groups the packages' schedules name, each deployed once however many
 * schedules share it (`default` exists in every account and is not deployed).
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-scheduler-schedulegroup.html
 */
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import { DEFAULT_SCHEDULE_GROUP } from '../../src/builder';

export class ScheduleGroups extends Construct {
  private readonly groups = new Map<string, scheduler.CfnScheduleGroup>();

  /** The deployed group named `name`, created on first use. */
  group(name: string): scheduler.CfnScheduleGroup {
    if (name === DEFAULT_SCHEDULE_GROUP) throw new Error('the default schedule group exists in every account and is not deployed');
    let group = this.groups.get(name);
    if (!group) {
      group = new scheduler.CfnScheduleGroup(this, name, { name });
      this.groups.set(name, group);
    }
    return group;
  }
}
