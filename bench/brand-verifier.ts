/** The keypoint verifier's settings as the brand benchmarks take them on the command line. */
import type { Verifier } from '../workflows/brand/lib/detector/fused';
import { KEYPOINT_KINDS, type KeypointKind } from '../workflows/brand/lib/detector/orb';

/** `KIND:SIDE:FEATURES:TEMPLATE_SIDE:TEMPLATE_FEATURES`, a side ending in `e` enlarging smaller photos to it. */
export function parseVerifier(text: string): Verifier {
  const [kind, side, imageFeatures, templateSide, templateFeatures] = text.split(':');
  if (!KEYPOINT_KINDS.includes(kind as KeypointKind)) throw new RangeError(`Unknown keypoint kind ${kind}: one of ${KEYPOINT_KINDS.join(', ')}`);
  const numbers = [parseInt(side ?? '', 10), Number(imageFeatures), Number(templateSide), Number(templateFeatures)];
  if (!numbers.every((n) => n > 0)) throw new RangeError(`A verifier is KIND:SIDE:FEATURES:TEMPLATE_SIDE:TEMPLATE_FEATURES, not ${text}`);
  return { kind: kind as KeypointKind, imageSide: numbers[0]!, enlarge: side!.endsWith('e'), imageFeatures: numbers[1]!, templateSide: numbers[2]!, templateFeatures: numbers[3]! };
}

