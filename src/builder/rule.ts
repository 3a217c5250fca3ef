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

/** The bucket uploads land in; EventBridge notifications on, so uploads can start workflows. */
export const DATA_BUCKET = 'statecraft-data';

/** A CSV uploaded under `datasets/kfold/` starts a kfold-cv run on it, with every setting at its default. */
export const kfoldOnUpload: RuleDefinition = {
  name: 'kfold-on-upload',
  description: 'Cross-validate every CSV dataset uploaded under datasets/kfold/',
  eventPattern: {
    source: ['aws.s3'],
    'detail-type': ['Object Created'],
    detail: { bucket: { name: [DATA_BUCKET] }, object: { key: [{ wildcard: 'datasets/kfold/*.csv' }] } },
  },
  target: {
    workflow: 'kfold-cv',
    inputTransformer: {
      InputPathsMap: { bucket: '$.detail.bucket.name', key: '$.detail.object.key' },
      InputTemplate: '{"dataset": {"bucket": <bucket>, "key": <key>}}',
    },
  },
};
