/**
 * The model registry's kind for logo detectors: `logo-detector` for the keypoint-only artefacts of
 * format 1 (registered before formats were versioned in the kind), `logo-detector/<n>` for format n.
 */
const PREFIX = 'logo-detector';

/** The kind for an artefact format such as `statecraft-fused-logo-detector/2`. */
export function detectorKind(format: string): string {
  const version = /\/(\d+)$/.exec(format)?.[1];
  return !version || version === '1' ? PREFIX : `${PREFIX}/${version}`;
}

export function isDetectorKind(kind: string): boolean {
  return kind === PREFIX || /^logo-detector\/\d+$/.test(kind);
}
