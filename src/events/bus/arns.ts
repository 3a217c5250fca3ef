/** ARNs of EventBridge resources, and reading a bus name given either as a name or an ARN. */
import type { Location } from '../../location';
export type { Location } from '../../location';

export const DEFAULT_BUS = 'default';

function base(location: Location): string {
  return `arn:aws:events:${location.region}:${location.account}`;
}

export function busArn(location: Location, bus: string): string {
  return `${base(location)}:event-bus/${bus}`;
}

/** Rules on the default bus keep the short form `rule/<name>`; others name their bus. */
export function ruleArn(location: Location, bus: string, rule: string): string {
  return bus === DEFAULT_BUS ? `${base(location)}:rule/${rule}` : `${base(location)}:rule/${bus}/${rule}`;
}

export function archiveArn(location: Location, archive: string): string {
  return `${base(location)}:archive/${archive}`;
}

export function replayArn(location: Location, replay: string): string {
  return `${base(location)}:replay/${replay}`;
}

/** `EventBusName` parameters accept a name or a bus ARN. @default 'default' */
export function busNameOf(nameOrArn: string | undefined): string {
  if (nameOrArn === undefined || nameOrArn === '') return DEFAULT_BUS;
  const marker = ':event-bus/';
  const at = nameOrArn.startsWith('arn:') ? nameOrArn.indexOf(marker) : -1;
  return at < 0 ? nameOrArn : nameOrArn.slice(at + marker.length);
}

/** The resource name after `<kind>/` in an ARN of this service, or undefined for any other ARN. */
export function resourceNameOf(arn: string, kind: 'archive' | 'event-bus'): string | undefined {
  const match = /^arn:aws:events:[^:]*:[^:]*:([a-z-]+)\/(.+)$/.exec(arn);
  return match && match[1] === kind ? match[2] : undefined;
}
