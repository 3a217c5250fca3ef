/** No-logo crops: the largest part of a photo clear of every box, or none when nothing big enough is clear. */
import sharp from 'sharp';
import { clearRect, noLogoCrop } from '../../../../../workflows/brand/lib/detector/negatives';

const box = (left: number, top: number, width: number, height: number) => ({ label: 'Acme', left, top, width, height });

test('a logo in the left quarter leaves the right part clear, with a margin', () => {
  const rect = clearRect(400, 300, [box(20, 100, 80, 60)])!;
  expect(rect).toEqual({ left: 112, top: 0, width: 288, height: 300 });
});

test('the clear part avoids every box', () => {
  const boxes = [box(20, 20, 60, 60), box(300, 200, 80, 80)];
  const rect = clearRect(400, 300, boxes)!;
  for (const b of boxes) {
    const apart = rect.left >= b.left + b.width || rect.left + rect.width <= b.left || rect.top >= b.top + b.height || rect.top + rect.height <= b.top;
    expect(apart).toBe(true);
  }
});

test.each([
  ['a logo filling the middle', [box(100, 80, 200, 140)]],
  ['a photo with many logos', Array.from({ length: 12 }, (_, i) => box(i * 30, 10, 20, 20))],
])('no crop for %s', (_what, boxes) => {
  expect(clearRect(400, 300, boxes)).toBeUndefined();
});

test('the crop is a JPEG of the clear part', async () => {
  const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#336699' } }).jpeg().toBuffer();
  const crop = await noLogoCrop(photo, [box(20, 100, 80, 60)]);
  const meta = await sharp(crop!).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 288, 300]);
});
