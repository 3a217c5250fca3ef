/**
 * The JSONPath query language of the ASL interpreter: paths, payload templates, intrinsic functions,
 * InputPath/ResultPath/OutputPath and Choice rules. Pure and synchronous; failures are StatesErrors
 * carrying AWS's error name and the detail of its cause.
 */
export type { Entropy, PathScope } from './scope';
export { selectPath, selectPathOrInvalid } from './select-path';
export { queryPath, type PathQuery } from './query-path';
export { evaluatePayloadTemplate } from './payload-template';
export { evaluateIntrinsic } from './intrinsics/evaluate-intrinsic';
export { isIntrinsicExpression } from './intrinsics/parse-intrinsic';
export { applyInputPath, applyOutputPath } from './input-output';
export { applyResultPath } from './result-path';
export { evaluateChoiceRule } from './choice/evaluate-choice-rule';
export { compactJson } from './json-text';
