/** ARNs of EventBridge Scheduler resources. */
import type { Location } from '../../location';
export type { Location } from '../../location';

export const DEFAULT_GROUP = 'default';

export function scheduleArn(location: Location, group: string, name: string): string {
  return `arn:aws:scheduler:${location.region}:${location.account}:schedule/${group}/${name}`;
}

export function groupArn(location: Location, group: string): string {
  return `arn:aws:scheduler:${location.region}:${location.account}:schedule-group/${group}`;
}

/** The group an ARN names, or undefined for any other ARN (tags are only on groups). */
export function groupOfArn(arn: string): string | undefined {
  return /^arn:aws:scheduler:[^:]*:[^:]*:schedule-group\/([0-9a-zA-Z-_.]+)$/.exec(arn)?.[1];
}
