/**
 * The rules deployed on every bus with their targets, read through the EventBridge API
 * (ListEventBuses, ListRules, ListTargetsByRule): from the in-process bus for the start banner, from
 * a running server with the SDK for `statecraft rules` and `statecraft workflows`.
 */
import { EventBridgeClient, ListEventBusesCommand, ListRulesCommand, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';

interface Page {
  NextToken?: string;
}

/** The three EventBridge reads, as the local EventBus answers them and as the SDK does. */
export interface RuleReader {
  listEventBuses(input: Page): Promise<Page & { EventBuses?: { Name?: string }[] }> | (Page & { EventBuses?: { Name?: string }[] });
  listRules(input: Page & { EventBusName?: string }): Promise<Page & { Rules?: RuleSummary[] }> | (Page & { Rules?: RuleSummary[] });
  listTargetsByRule(input: Page & { Rule: string; EventBusName?: string }): Promise<Page & { Targets?: { Id?: string; Arn?: string }[] }> | (Page & { Targets?: { Id?: string; Arn?: string }[] });
}

interface RuleSummary {
  Name?: string;
  EventPattern?: string;
  ScheduleExpression?: string;
  State?: string;
  Description?: string;
}

export interface DeployedRule {
  bus: string;
  name: string;
  state: string;
  /** The event pattern (compact JSON) or the schedule expression. */
  trigger: string;
  description?: string;
  targetArns: string[];
}

export function sdkRuleReader(client: EventBridgeClient): RuleReader {
  return {
    listEventBuses: (input) => client.send(new ListEventBusesCommand(input)),
    listRules: (input) => client.send(new ListRulesCommand(input)),
    listTargetsByRule: (input) => client.send(new ListTargetsByRuleCommand(input)),
  };
}

export async function deployedRules(reader: RuleReader, onlyBus?: string): Promise<DeployedRule[]> {
  const buses = onlyBus ? [onlyBus] : (await allPages((NextToken) => reader.listEventBuses({ NextToken }), (p) => p.EventBuses)).map((b) => b.Name!);
  const rules: DeployedRule[] = [];
  for (const bus of buses) {
    for (const rule of await allPages((NextToken) => reader.listRules({ EventBusName: bus, NextToken }), (p) => p.Rules)) {
      const targets = await allPages((NextToken) => reader.listTargetsByRule({ Rule: rule.Name!, EventBusName: bus, NextToken }), (p) => p.Targets);
      rules.push({
        bus,
        name: rule.Name!,
        state: rule.State ?? 'ENABLED',
        trigger: rule.ScheduleExpression ?? compactPattern(rule.EventPattern),
        ...(rule.Description ? { description: rule.Description } : {}),
        targetArns: targets.map((t) => t.Arn!),
      });
    }
  }
  return rules;
}

/** `stateMachine:kfold-cv`, `function:resize`, `event-bus:audit`: what a target is, without region and account. */
export function targetName(arn: string): string {
  return arn.split(':').slice(5).join(':').replace(/^event-bus\//, 'event-bus:') || arn;
}

function compactPattern(pattern: string | undefined): string {
  if (!pattern) return '';
  try {
    return JSON.stringify(JSON.parse(pattern));
  } catch {
    return pattern;
  }
}

async function allPages<P extends Page, T>(read: (token: string | undefined) => Promise<P> | P, items: (page: P) => T[] | undefined): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  do {
    const page = await read(token);
    all.push(...(items(page) ?? []));
    token = page.NextToken;
  } while (token);
  return all;
}
