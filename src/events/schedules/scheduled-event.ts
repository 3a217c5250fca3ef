/** The event EventBridge puts on the default bus when a scheduled rule fires. */
export interface ScheduledEvent {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': 'Scheduled Event';
  readonly source: 'aws.events';
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: readonly string[];
  readonly detail: Record<string, never>;
}

export interface ScheduledEventInput {
  readonly account: string;
  readonly region: string;
  readonly ruleArn: string;
  readonly timeMs: number;
  readonly id: string;
}

/**
 * Builds AWS's "Scheduled Event" envelope for one firing of a rule. `time` is ISO 8601 at
 * second precision, as EventBridge writes event times (`2022-07-13T13:48:01Z`).
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-run-lambda-schedule.html
 */
export function scheduledEvent(input: ScheduledEventInput): ScheduledEvent {
  return {
    version: '0',
    id: input.id,
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: input.account,
    time: new Date(Math.floor(input.timeMs / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
    region: input.region,
    resources: [input.ruleArn],
    detail: {},
  };
}
