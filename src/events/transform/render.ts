import { readEventPath } from './json-path';
import type { RenderedInput, RuleContext, TargetInput } from './target';
import { renderTemplate } from './template';
import { templateVariables } from './variables';

/**
 * The body EventBridge delivers to a target for one matched event: the constant `Input`, the part
 * of the event `InputPath` selects, the filled `InputTransformer` template, or else the event.
 * Assumes the target passed {@link validateTargetInput}.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html
 */
export function renderTargetInput(target: TargetInput, event: object, context: RuleContext): RenderedInput {
  if (target.Input !== undefined) return { delivered: true, body: target.Input };
  if (target.InputPath !== undefined) return renderInputPath(target.InputPath, event);
  if (target.InputTransformer !== undefined) {
    const { InputPathsMap = {}, InputTemplate } = target.InputTransformer;
    const variables = templateVariables(InputPathsMap, event as Record<string, unknown>, context);
    return renderTemplate(InputTemplate, variables);
  }
  return { delivered: true, body: JSON.stringify(event) };
}

function renderInputPath(path: string, event: object): RenderedInput {
  const value = readEventPath(event, path);
  // Not recorded on AWS: we treat a path that selects nothing as nothing to deliver.
  if (value === undefined) return { delivered: false, reason: `InputPath ${path} matched nothing in the event` };
  return { delivered: true, body: JSON.stringify(value) };
}
