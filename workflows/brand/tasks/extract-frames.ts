/** ExtractFrames: every Nth frame of one slice as JPEGs under the run's frames prefix. */
import { defineTask } from '../../../src/builder';
import { ExtractFramesInput, ExtractFramesOutput } from '../schemas';
import { analysisRuns, analysisUploads, commandUploads, trainingRuns, trainingUploads } from './access';
import { extractSliceFrames } from './media';

export const ExtractFrames = defineTask({
  name: 'brand-extract-frames',
  input: ExtractFramesInput,
  output: ExtractFramesOutput,
  access: { objects: [trainingUploads('read'), analysisUploads('read'), commandUploads('read'), trainingRuns('write'), analysisRuns('write')] },
  memoryMb: 2048,
  // ffmpeg reads a local copy of the whole upload (each slice's function its own), and writes the slice's frames beside it.
  ephemeralStorageMb: 10240,
  timeoutSeconds: 900,
  run: async ({ video, slice, every, fps, framesPrefix }, { objects }) => {
    const frames = await extractSliceFrames(objects, video, slice, { every, fps, prefix: framesPrefix });
    return { index: slice.index, prefix: framesPrefix, frames };
  },
});
