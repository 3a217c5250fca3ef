/**
 * FlickrLogos-27's annotation file: one box per line, `image brand subset x1 y1 x2 y2`, corners in
 * pixels. The subset column is cumulative (subset k ⊂ subset k+1), so a box repeats up to six
 * times: repeats are counted, not kept.
 */
import { BoxCollector } from './collect';
import { AnnotationFormatError, type ImportResult } from './types';

export function parseFlickrLogos(text: string): ImportResult {
  const collector = new BoxCollector();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const fields = line.split(/\s+/);
    if (fields.length !== 7) throw new AnnotationFormatError(`Line ${index + 1}: expected "image brand subset x1 y1 x2 y2", got ${fields.length} fields.`);
    const [image, label, , ...corners] = fields as [string, string, string, string, string, string, string];
    const [x1, y1, x2, y2] = corners.map(Number) as [number, number, number, number];
    collector.add(image, { label, left: x1, top: y1, width: x2 - x1, height: y2 - y1 }, index + 1);
  });
  return collector.result();
}
