/** The control plane: the Step Functions API's operations (`Engine`) and in-process Lambda handlers. */
export { Engine, type EngineOptions } from './engine';
export { ChainedLambdaInvoker } from './chained-functions';
export { DirectoryLambdaInvoker, errorPayload, type DirectoryLambdaOptions, type LambdaContext, type LambdaHandler } from './functions';
export { validateDefinition, type Diagnostic, type ValidationResult } from './definition-validation';
export * from './errors';
