/** DetectLogos: one slice's sampled frames through the running model; writes their detections. */
import { defineTask } from '../../../src/builder';
import { DetectLogosInput, DetectLogosOutput, type FrameDetections } from '../schemas';
import { analysisRuns, trainingRuns } from './access';
import { detectVideoFrames, readModel } from './detect-images';
import { frameKey } from './media';
import { assertRunning, readServer } from './model-server';

export const DetectLogos = defineTask({
  name: 'brand-detect-logos',
  input: DetectLogosInput,
  output: DetectLogosOutput,
  access: { objects: [analysisRuns('read-write'), trainingRuns('read')] },
  // A slice (50 frames) peaks near 430 MB; the memory buys a full vCPU for the single-threaded detector.
  memoryMb: 2048,
  timeoutSeconds: 900,
  run: async ({ server, framesPrefix, fps, every, slice, runPrefix }, { objects, compute }) => {
    const record = await readServer(objects, server);
    assertRunning(record);
    const frameNumbers: number[] = [];
    for (let n = slice.startFrame; n < slice.startFrame + slice.frameCount; n += every) frameNumbers.push(n);
    const stored = new Set(await objects.listKeys(server.bucket, framesPrefix));
    const present = frameNumbers.filter((n) => stored.has(frameKey(framesPrefix, n)));
    // The present frames are consecutive samples in time order: the video path chooses key frames along them.
    const detections = await detectVideoFrames(objects, compute, await readModel(objects, record.artefact), present.map((n) => ({ bucket: server.bucket, key: frameKey(framesPrefix, n) })));
    const frames: FrameDetections[] = present.map((frameNumber, i) => ({ frameNumber, timestampMillis: Math.round((frameNumber / fps) * 1000 * 1000) / 1000, labels: detections[i]! }));
    const ref = { bucket: server.bucket, key: `${runPrefix}detections/slice-${String(slice.index).padStart(5, '0')}.json` };
    await objects.putText(ref, JSON.stringify(frames), 'application/json');
    return { detections: ref, frames: frames.length };
  },
});
