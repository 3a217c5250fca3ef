/**
 * Rules name buckets by their logical names (`statecraft-data`); deployed buckets carry the
 * account and region in their names so that they are globally unique. The pattern deployed is the
 * local one with each `detail.bucket.name` value replaced, and nothing else changed.
 */
export type EventPattern = Record<string, unknown>;

export function deployedPattern(pattern: EventPattern, bucketNames: ReadonlyMap<string, string>): EventPattern {
  const detail = pattern.detail as { bucket?: { name?: unknown } } | undefined;
  const names = detail?.bucket?.name;
  if (!Array.isArray(names)) return pattern;
  const deployed = names.map((name) => (typeof name === 'string' ? (bucketNames.get(name) ?? name) : name));
  return { ...pattern, detail: { ...detail, bucket: { ...detail!.bucket, name: deployed } } };
}
