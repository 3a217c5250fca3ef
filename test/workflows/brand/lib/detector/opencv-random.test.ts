/** OpenCV's generator against the definition, computed on 64-bit integers. */
import { OpenCvRandom } from '../../../../../workflows/brand/lib/detector/opencv-random';

test('the generator is OpenCV\'s multiply-with-carry on a 64-bit state seeded with all ones', () => {
  let state = 0xffffffffffffffffn;
  const reference = () => {
    state = (state & 0xffffffffn) * 4164903690n + (state >> 32n);
    return Number(state & 0xffffffffn);
  };
  const random = new OpenCvRandom();
  for (let i = 0; i < 2000; i++) expect(random.next()).toBe(reference());
  expect(new OpenCvRandom().uniform(5, 5)).toBe(5);
  for (let i = 0; i < 200; i++) expect(random.uniform(0, 11)).toBe(reference() % 11);
});
