/**
 * Image-level labels, as FlickrLogos-27's query file is written: one image per line, `image<TAB>brand`,
 * `none` for an image without a logo. Columns may be separated by any whitespace; blank lines are skipped.
 */
import { NONE } from './metrics';

export interface ImageLabel {
  image: string;
  /** A brand, or `none`. */
  expected: string;
}

export class ImageLabelsError extends Error {
  override readonly name = 'InvalidLabels';
}

export function parseImageLabels(text: string): ImageLabel[] {
  const labels = new Map<string, ImageLabel>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const fields = line.split(/\s+/);
    if (fields.length !== 2) throw new ImageLabelsError(`Line ${index + 1}: expected "image<TAB>brand" (brand "none" for no logo), got ${fields.length} fields.`);
    const [image, brand] = fields as [string, string];
    const expected = brand.toLowerCase() === NONE ? NONE : brand;
    const before = labels.get(image);
    if (before && before.expected !== expected) throw new ImageLabelsError(`Line ${index + 1}: ${image} is labelled both ${before.expected} and ${expected}.`);
    labels.set(image, { image, expected });
  });
  if (labels.size === 0) throw new ImageLabelsError('The labels file names no image.');
  return [...labels.values()];
}
