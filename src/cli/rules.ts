/** `statecraft rules`: every rule of a running server, on every bus, with its trigger and targets. */
import { parseArgs } from 'node:util';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { deployedRules, sdkRuleReader, targetName, type DeployedRule } from './deployed-rules';
import { localClientConfig } from './endpoint';
import { formatTable } from './table';

export async function rulesCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { endpoint: { type: 'string' }, 'event-bus': { type: 'string' } } });
  const events = new EventBridgeClient(localClientConfig(values.endpoint));
  try {
    process.stdout.write(formatRules(await deployedRules(sdkRuleReader(events), values['event-bus'])));
    return 0;
  } finally {
    events.destroy();
  }
}

export function formatRules(rules: readonly DeployedRule[]): string {
  if (rules.length === 0) return 'no rules\n';
  return formatTable(
    ['BUS', 'RULE', 'STATE', 'TARGETS', 'TRIGGER'],
    rules.map((rule) => [rule.bus, rule.name, rule.state, rule.targetArns.map(targetName).join(',') || '-', rule.trigger]),
  );
}
