/** Visibility: the per-minute report from every slice's detections, written beside the run's files. */
import { defineTask } from '../../../src/builder';
import { visibility } from '../lib/visibility';
import { VisibilityInput, VisibilityOutput, type FrameDetections } from '../schemas';
import { analysisRuns } from './access';

export const Visibility = defineTask({
  name: 'brand-visibility',
  input: VisibilityInput,
  output: VisibilityOutput,
  access: { objects: [analysisRuns('read-write')] },
  run: async ({ detections, info, model, video, runPrefix }, { objects }) => {
    const frames = (await Promise.all(detections.map(async (ref) => JSON.parse(await objects.getText(ref)) as FrameDetections[]))).flat();
    const report = visibility(model, frames, info.durationSeconds);
    const ref = { bucket: video.bucket, key: `${runPrefix}report.json` };
    await objects.putText(ref, JSON.stringify(report, null, 2), 'application/json');
    return { report: ref, sampledFrames: report.sampledFrames, labels: report.labels };
  },
});
