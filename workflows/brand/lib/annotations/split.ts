/** A seeded split by image, so no image's boxes land on both sides. */
import { seededRandom } from '../../../../src/services';
import type { ImageAnnotations } from './types';

/**
 * `testShare` of the images (at least one when there are two or more) go to the test side, drawn per
 * label so every brand is tested; images without boxes are split the same way.
 */
export function splitByImage(images: readonly ImageAnnotations[], testShare: number, seed: number): { train: ImageAnnotations[]; test: ImageAnnotations[] } {
  const random = seededRandom(seed);
  const groups = new Map<string, ImageAnnotations[]>();
  for (const image of images) {
    const key = image.boxes[0]?.label ?? '';
    groups.set(key, [...(groups.get(key) ?? []), image]);
  }
  const train: ImageAnnotations[] = [];
  const test: ImageAnnotations[] = [];
  for (const key of [...groups.keys()].sort()) {
    const group = [...groups.get(key)!];
    for (let i = group.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [group[i], group[j]] = [group[j]!, group[i]!];
    }
    const testCount = group.length >= 2 ? Math.max(1, Math.round(group.length * testShare)) : 0;
    test.push(...group.slice(0, testCount));
    train.push(...group.slice(testCount));
  }
  return { train, test };
}
