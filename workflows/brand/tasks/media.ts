/** Media work on stored objects: ffprobe/ffmpeg on a local copy; media problems become task failures. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TaskFailure, type ObjectRef, type ObjectService } from '../../../src/services';
import { extractFrames, MediaError, mediaKind, MEDIA_EXTENSIONS, planSlices, probeMedia, type MediaInfo } from '../lib/media';

const name = (ref: ObjectRef) => `s3://${ref.bucket}/${ref.key}`;

/** Same error name the Choice's Fail state uses, so every path reports a bad file alike. */
export function assertMediaFile(ref: ObjectRef): void {
  if (!mediaKind(ref.key)) throw new TaskFailure('UnsupportedFileType', `${name(ref)} is not a supported file: expected one of .${MEDIA_EXTENSIONS.join(' .')} (any case).`);
}

export async function probeObject(objects: ObjectService, ref: ObjectRef): Promise<MediaInfo> {
  assertMediaFile(ref);
  return asTaskFailure(() => objects.withLocalFile(ref, (path) => probeMedia(path, name(ref))));
}

/** Every planned frame of a slice, written under `prefix` only once ffmpeg has produced them all. */
export async function extractSliceFrames(
  objects: ObjectService,
  video: ObjectRef,
  slice: { index: number; startFrame: number; frameCount: number },
  settings: { every: number; fps: number; prefix: string },
): Promise<number> {
  const out = await mkdtemp(join(tmpdir(), 'statecraft-frames-'));
  try {
    const frames = await asTaskFailure(() =>
      objects.withLocalFile(video, (path) => extractFrames(path, out, { ...slice, every: settings.every, fps: settings.fps, maxWidth: 1280 }, name(video))),
    );
    for (const frame of frames) await objects.put({ bucket: video.bucket, key: frameKey(settings.prefix, frame.frameNumber) }, await readFile(frame.file), 'image/jpeg');
    return frames.length;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

export { planSlices };

/** `…/frames/` + frame 36 → `…/frames/frame-00000036.jpg`: key order is frame order. */
export const frameKey = (prefix: string, frameNumber: number) => `${prefix}frame-${String(frameNumber).padStart(8, '0')}.jpg`;

export function frameNumberOf(key: string): number {
  return Number(/frame-(\d+)\.jpg$/.exec(key)?.[1] ?? NaN);
}

async function asTaskFailure<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof MediaError) throw new TaskFailure(err.code, err.message);
    throw err;
  }
}
