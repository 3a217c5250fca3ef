/** The input settings of a PutTargets target. */
export interface TargetInput {
  readonly Id: string;
  /** Constant JSON text sent instead of the event. */
  readonly Input?: string;
  /** JSONPath selecting the part of the event to send. */
  readonly InputPath?: string;
  readonly InputTransformer?: InputTransformer;
}

/** @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_InputTransformer.html */
export interface InputTransformer {
  /** Variable name -> JSONPath into the event. */
  readonly InputPathsMap?: Readonly<Record<string, string>>;
  /** Text or JSON with `<variable>` placeholders. */
  readonly InputTemplate: string;
}

/** What a rule knows when it delivers an event, for the predefined `<aws.events.*>` variables. */
export interface RuleContext {
  readonly ruleArn: string;
  readonly ruleName: string;
  readonly eventBusName: string;
  /** When EventBridge received the event. @default the event's `time` */
  readonly ingestionTimeIso?: string;
}

export type RenderedInput = { delivered: true; body: string } | { delivered: false; reason: string };
