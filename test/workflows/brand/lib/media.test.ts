import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { extensionOf, extractFrames, mediaKind, planSlices, probeMedia } from '../../../../workflows/brand/lib/media';
import { testPattern } from '../fixture';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'brand-media-'));
  writeFileSync(join(dir, 'pattern.mp4'), testPattern(4, 25));
  writeFileSync(join(dir, 'garbage.mp4'), 'not a video');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.each([
  ['clip.MP4', 'mp4', 'video'],
  ['a/b.m4v', 'm4v', 'video'],
  ['x.Mov', 'mov', 'video'],
  ['p.PNG', 'png', 'image'],
  ['p.jpg', 'jpg', 'image'],
  ['p.JPEG', 'jpeg', 'image'],
  ['notes.txt', 'txt', undefined],
  ['dir.mp4/file', '', undefined],
  ['.mp4', '', undefined],
])('%s has extension "%s", kind %s', (key, ext, kind) => {
  expect(extensionOf(key)).toBe(ext);
  expect(mediaKind(key)).toBe(kind);
});

test('ffprobe reads a generated test pattern', async () => {
  expect(await probeMedia(join(dir, 'pattern.mp4'), 'pattern.mp4')).toMatchObject({ width: 320, height: 240, fps: 25, frameCount: 100, durationSeconds: 4, codec: 'h264' });
});

test('a file ffprobe cannot read is an UnreadableMedia error that names it', async () => {
  await expect(probeMedia(join(dir, 'garbage.mp4'), 's3://b/garbage.mp4')).rejects.toMatchObject({ name: 'UnreadableMedia', message: expect.stringContaining('ffprobe cannot read s3://b/garbage.mp4') });
});

test('slices start on multiples of N and cover every frame', () => {
  expect(planSlices(100, 12, 3)).toEqual([
    { index: 0, startFrame: 0, frameCount: 36 },
    { index: 1, startFrame: 36, frameCount: 36 },
    { index: 2, startFrame: 72, frameCount: 28 },
  ]);
});

test.each([
  [0, 36, [0, 12, 24]],
  [36, 36, [36, 48, 60]],
  [72, 28, [72, 84, 96]],
])('the slice from frame %i (%i frames) yields every 12th frame: %j', async (startFrame, frameCount, expected) => {
  const out = mkdtempSync(join(dir, 'frames-'));
  const frames = await extractFrames(join(dir, 'pattern.mp4'), out, { startFrame, frameCount, every: 12, fps: 25, maxWidth: 160 }, 'pattern');
  expect(frames.map((f) => f.frameNumber)).toEqual(expected);
  expect(readdirSync(out)).toHaveLength(expected.length);
  const meta = await sharp(frames[0]!.file).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 160, 120]);
});
