/**
 * A frame decoded once: its grayscale image is what `decodeGray` gives for ORB (so a key frame is
 * verified on the same pixels as a photo), the backbone's input what `backboneInput` gives, and the
 * thumbnail holds block means that the change measure compares.
 */
import sharp from 'sharp';
import { backboneInput, backboneInputFromRgb } from '../../../../../workflows/brand/lib/detector/backbone';
import { decodeFrame, meanAbsoluteDifference, thumbnail, THUMBNAIL_CELL } from '../../../../../workflows/brand/lib/detector/frame';
import { decodeGray } from '../../../../../workflows/brand/lib/detector/gray';
import { photo } from '../../fixture';

test.each([
  ['a 480×360 frame', 480, 360],
  ['a 1280×720 frame, scaled to 640 for ORB', 1280, 720],
])('%s: gray and backbone input equal the photo path\'s decoding', async (_, width, height) => {
  const { jpeg: small } = await photo('Acme', 100, 80, 3);
  const jpeg = await sharp(small).resize(width, height, { fit: 'fill' }).jpeg().toBuffer();
  const encoded = new Uint8Array(jpeg);
  const frame = await decodeFrame(encoded, 640);
  const gray = await decodeGray(encoded, 640);
  expect([frame.width, frame.height]).toEqual([width, height]);
  expect([frame.gray.width, frame.gray.height, frame.gray.scale]).toEqual([gray.width, gray.height, gray.scale]);
  expect(Buffer.from(frame.gray.data).equals(Buffer.from(gray.data))).toBe(true);
  const input = await backboneInputFromRgb(frame.rgb, frame.width, frame.height);
  const expected = await backboneInput(encoded);
  expect([input.width, input.height]).toEqual([expected.width, expected.height]);
  expect(Buffer.from(input.pixels).equals(Buffer.from(expected.pixels))).toBe(true);
});

test('a thumbnail holds the mean of each cell, partial cells at the edges included', () => {
  const width = THUMBNAIL_CELL + 2;
  const data = new Uint8Array(width * 1);
  data.fill(10, 0, THUMBNAIL_CELL);
  data.fill(40, THUMBNAIL_CELL);
  const t = thumbnail({ width, height: 1, data, scale: 1 });
  expect([t.width, t.height, ...t.data]).toEqual([2, 1, 10, 40]);
});

test('the mean absolute difference is in gray levels, and thumbnails of other sizes differ entirely', () => {
  const a = { width: 2, height: 1, data: Float32Array.from([10, 40]) };
  expect(meanAbsoluteDifference(a, { width: 2, height: 1, data: Float32Array.from([20, 20]) })).toBe(15);
  expect(meanAbsoluteDifference(a, a)).toBe(0);
  expect(meanAbsoluteDifference(a, { width: 1, height: 2, data: Float32Array.from([10, 40]) })).toBe(Infinity);
});
