/** How EventBridge turns a matched event into a target's input (Input, InputPath, InputTransformer). */
export { TargetInputError } from './errors';
export { validateTargetInput } from './validate';
export { renderTargetInput } from './render';
export type { TargetInput, InputTransformer, RuleContext, RenderedInput } from './target';
