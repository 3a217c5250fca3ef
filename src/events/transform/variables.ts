import { readEventPath } from './json-path';
import type { RuleContext } from './target';

/** Variable name -> value; a mapped variable whose path matched nothing is present as undefined. */
export type TemplateVariables = ReadonlyMap<string, unknown>;

type EventEnvelope = Record<string, unknown>;

/**
 * The InputPathsMap variables followed by the predefined ones, which cannot be overridden.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html#eb-transform-input-predefined
 */
export function templateVariables(
  pathsMap: Readonly<Record<string, string>>,
  event: EventEnvelope,
  context: RuleContext,
): TemplateVariables {
  const variables = new Map<string, unknown>();
  for (const [name, path] of Object.entries(pathsMap)) variables.set(name, readEventPath(event, path));
  variables.set('aws.events.rule-arn', context.ruleArn);
  variables.set('aws.events.rule-name', context.ruleName);
  variables.set('aws.events.event.ingestion-time', context.ingestionTimeIso ?? event.time);
  variables.set('aws.events.event', eventWithoutDetail(event));
  variables.set('aws.events.event.json', event);
  return variables;
}

/** `<aws.events.event>` as AWS renders it: no `detail`, and `detail-type` spelled `detailType`. */
function eventWithoutDetail(event: EventEnvelope): EventEnvelope {
  const summary: EventEnvelope = {};
  for (const [key, value] of Object.entries(event)) {
    if (key === 'detail') continue;
    summary[key === 'detail-type' ? 'detailType' : key] = value;
  }
  return summary;
}
