/**
 * `statecraft workflows`: the state machines of a running server (ListStateMachines) and what starts
 * each of them: the rules whose targets name it (ListRules, ListTargetsByRule on every bus) and the
 * Scheduler schedules that target it (ListSchedules, GetSchedule).
 */
import { parseArgs } from 'node:util';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { ListStateMachinesCommand, SFNClient, type StateMachineListItem } from '@aws-sdk/client-sfn';
import { deployedRules, sdkRuleReader, type DeployedRule } from './deployed-rules';
import { deployedSchedules, scheduleName, sdkScheduleReader, type DeployedSchedule } from './deployed-schedules';
import { localClientConfig } from './endpoint';
import { formatTable } from './table';

export async function workflowsCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { endpoint: { type: 'string' } } });
  const sfn = new SFNClient(localClientConfig(values.endpoint));
  const events = new EventBridgeClient(localClientConfig(values.endpoint));
  const scheduler = new SchedulerClient(localClientConfig(values.endpoint));
  try {
    const machines: StateMachineListItem[] = [];
    let nextToken: string | undefined;
    do {
      const page = await sfn.send(new ListStateMachinesCommand({ nextToken }));
      machines.push(...(page.stateMachines ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    process.stdout.write(formatWorkflows(machines, await deployedRules(sdkRuleReader(events)), await deployedSchedules(sdkScheduleReader(scheduler))));
    return 0;
  } finally {
    sfn.destroy();
    events.destroy();
    scheduler.destroy();
  }
}

export function formatWorkflows(machines: readonly StateMachineListItem[], rules: readonly DeployedRule[], schedules: readonly DeployedSchedule[] = []): string {
  if (machines.length === 0) return 'no state machines\n';
  return formatTable(
    ['STATE MACHINE', 'TYPE', 'TRIGGERED BY'],
    machines.map((machine) => {
      const triggers = rules.filter((rule) => rule.targetArns.includes(machine.stateMachineArn!)).map((rule) => `${rule.bus === 'default' ? '' : `${rule.bus}/`}${rule.name} (${rule.trigger})`);
      const scheduled = schedules.filter((schedule) => schedule.targetArn === machine.stateMachineArn).map((schedule) => `schedule ${scheduleName(schedule)} (${schedule.trigger})`);
      return [machine.name!, machine.type ?? 'STANDARD', [...triggers, ...scheduled].join('; ') || '-'];
    }),
  );
}
