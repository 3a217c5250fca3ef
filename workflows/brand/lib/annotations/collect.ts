/** Gathers boxes per image, dropping exact repeats and refusing boxes with no area. */
import type { Box, ImageAnnotations, ImportResult, RefusedBox } from './types';

export class BoxCollector {
  private readonly byImage = new Map<string, Map<string, Box>>();
  private readonly refused: RefusedBox[] = [];
  private duplicates = 0;

  add(image: string, box: Box, line: number): void {
    const reason = degenerate(box);
    if (reason) {
      this.refused.push({ image, label: box.label, line, reason });
      return;
    }
    const boxes = this.byImage.get(image) ?? new Map<string, Box>();
    this.byImage.set(image, boxes);
    const id = `${box.label}|${box.left}|${box.top}|${box.width}|${box.height}`;
    if (boxes.has(id)) this.duplicates++;
    else boxes.set(id, box);
  }

  /** An image listed with no boxes: a negative example. */
  touch(image: string): void {
    if (!this.byImage.has(image)) this.byImage.set(image, new Map());
  }

  result(): ImportResult {
    const images: ImageAnnotations[] = [...this.byImage.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([image, boxes]) => ({ image, boxes: [...boxes.values()] }));
    return { images, refused: this.refused, duplicates: this.duplicates };
  }
}

function degenerate(box: Box): string | undefined {
  const values = [box.left, box.top, box.width, box.height];
  if (values.some((v) => !Number.isFinite(v))) return 'a coordinate is not a number';
  if (box.width <= 0 || box.height <= 0) return `the box has no area (${box.width}×${box.height} px)`;
  if (box.left < 0 || box.top < 0) return 'the box starts outside the image';
  return undefined;
}
