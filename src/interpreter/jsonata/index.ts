/**
 * JSONata for the ASL interpreter: the `{% %}` templates of `QueryLanguage: "JSONata"` states,
 * with Step Functions' extra functions and AWS's States.QueryEvaluationError causes.
 *
 * Every function takes `field`, the path AWS names in a failure cause ('Output/result',
 * 'Arguments/FunctionName', 'Items', 'Choices[0]/Condition', 'Catch[0]/Output' ...), and throws
 * StatesError with the detail cause only; the interpreter prefixes the state sentence.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export type { JsonataBindings } from './bindings';
export { isJsonataTemplate } from './template-syntax';
export { evaluateJsonataTemplate } from './template';
export { evaluateJsonataCondition, evaluateJsonataItems, evaluateJsonataString } from './typed-fields';
export { evaluateJsonataNumber } from './number-field';
export { evaluateJsonataTimestamp } from './timestamp';
export { jsonataSyntaxError } from './syntax-check';
