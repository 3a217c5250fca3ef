/**
 * The EventBridge rules that start workflows. A rule names its target workflow; the bus (locally
 * our own, on AWS EventBridge) turns a matching event into a StartExecution with the rendered input.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rules.html
 */

/**
 * EventBridge's InputTransformer, with the API's field names so it can be put on a target as is:
 * JSONPaths into the event, and the template they fill.
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_InputTransformer.html
 */
export interface InputTransformer {
  InputPathsMap: Record<string, string>;
  InputTemplate: string;
}

export interface RuleDefinition {
  name: string;
  description?: string;
  /** Give this or `scheduleExpression`. */
  eventPattern?: Record<string, unknown>;
  /** `rate(…)`, `cron(…)` or `at(…)`. */
  scheduleExpression?: string;
  target: {
    workflow: string;
    /** @default - the whole event is the execution's input */
    inputTransformer?: InputTransformer;
  };
}

/** A bucket a workflow needs. Several packages may declare the same bucket; it is created once. */
export interface BucketDefinition {
  name: string;
  /** Send S3 events to EventBridge (upload rules need it). */
  eventBridge: boolean;
}
