/**
 * ProbeVideo: ffprobe on the upload; plans the slices frame extraction runs in parallel. A file
 * ffprobe cannot read fails here, before anything is written.
 */
import { defineTask } from '../../../src/builder';
import { ProbeVideoInput, ProbeVideoOutput } from '../schemas';
import { analysisUploads, commandUploads, trainingUploads } from './access';
import { planSlices, probeObject } from './media';

/** Sampled frames per slice: one slice is one ExtractFrames and one DetectLogos batch. */
export const SAMPLED_PER_SLICE = 50;

export const ProbeVideo = defineTask({
  name: 'brand-probe-video',
  input: ProbeVideoInput,
  output: ProbeVideoOutput,
  access: { objects: [trainingUploads('read'), analysisUploads('read'), commandUploads('read')] },
  memoryMb: 1024,
  // ffprobe reads a local copy of the upload: /tmp holds videos up to about 10 GB.
  ephemeralStorageMb: 10240,
  run: async ({ video, every, framesPrefix, sampledPerSlice }, { objects }) => {
    const info = await probeObject(objects, video);
    return { video, info, framesPrefix, slices: planSlices(info.frameCount, every, sampledPerSlice ?? SAMPLED_PER_SLICE) };
  },
});
