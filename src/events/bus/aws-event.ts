/** The envelope EventBridge delivers: what rules match and what targets receive. */
export interface AwsEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  /** ISO 8601 at second precision, `2024-01-01T10:00:00Z` */
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
  /** Set on events a replay sends again. */
  'replay-name'?: string;
}

/** EventBridge writes event times at second precision. */
export function eventTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
