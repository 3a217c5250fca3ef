/**
 * Where resources live: the region and account every ARN names. One definition for every local
 * service (engine, bus, scheduler, object store, host), so their ARNs always agree.
 */
export interface Location {
  readonly region: string;
  readonly account: string;
}

/** The local engine's default: us-east-1 and the all-zero account that AWS's local tools use. */
export const DEFAULT_LOCATION: Location = { region: 'us-east-1', account: '000000000000' };

/** `options`' region and account, each defaulting to {@link DEFAULT_LOCATION}'s. */
export function locationOf(options: Partial<Location> = {}): Location {
  return { region: options.region ?? DEFAULT_LOCATION.region, account: options.account ?? DEFAULT_LOCATION.account };
}

/** An IAM role's ARN in the location's account. */
export function roleArn(location: Location, name: string): string {
  return `arn:aws:iam::${location.account}:role/${name}`;
}
