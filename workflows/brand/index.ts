/**
 * The brand package: `brand-training` (labelled images and video frames → a logo detector, evaluated
 * and registered) and `brand-analysis` (a video → per-minute brand visibility). Its task functions
 * carry the ffmpeg and ffprobe executables.
 */
import { defineWorkflowPackage } from '../../src/builder';
import { dataBucket } from '../data-bucket';
import { brandAnalysis } from './analysis';
import { FFMPEG_PACKAGE, FFPROBE_PACKAGE } from './lib/media';
import { brandAnalysisOnUpload, brandTrainingOnUpload } from './rules';
import { brandTraining } from './training';

export const brandPackage = defineWorkflowPackage({
  module: __filename,
  workflows: [brandTraining, brandAnalysis],
  rules: [brandTrainingOnUpload, brandAnalysisOnUpload],
  buckets: [dataBucket],
  nativePackages: [
    { name: FFMPEG_PACKAGE, files: ['package.json', 'ffmpeg'], binary: 'ffmpeg' },
    { name: FFPROBE_PACKAGE, files: ['package.json', 'ffprobe'], binary: 'ffprobe' },
  ],
});

export { brandAnalysis, BrandAnalysisCompleted } from './analysis';
export { brandTraining, BrandModelTrained } from './training';
