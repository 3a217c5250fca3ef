/**
 * The brand package: `brand-training` (labelled images and video frames → a logo detector, evaluated
 * and registered), `brand-analysis` (a video → per-minute brand visibility) and `brand-evaluation` (a model version
 * scored on labelled images), with the `statecraft brand` commands that run them. Its task functions
 * carry the ffmpeg and ffprobe executables.
 */
import { defineWorkflowPackage } from '../../src/builder';
import { dataBucket } from '../data-bucket';
import { brandAnalysis } from './analysis';
import { brandCommands } from './commands';
import { brandEvaluation } from './evaluation';
import { FFMPEG_PACKAGE, FFPROBE_PACKAGE } from './lib/media';
import { brandAnalysisOnUpload, brandTrainingOnUpload } from './rules';
import { brandTraining } from './training';

export const brandPackage = defineWorkflowPackage({
  module: __filename,
  workflows: [brandTraining, brandAnalysis, brandEvaluation],
  rules: [brandTrainingOnUpload, brandAnalysisOnUpload],
  buckets: [dataBucket],
  commands: brandCommands,
  nativePackages: [
    { name: FFMPEG_PACKAGE, files: ['package.json', 'ffmpeg'], binary: 'ffmpeg' },
    { name: FFPROBE_PACKAGE, files: ['package.json', 'ffprobe'], binary: 'ffprobe' },
  ],
});

export { brandAnalysis, BrandAnalysisCompleted } from './analysis';
export { brandEvaluation } from './evaluation';
export { brandTraining, BrandModelTrained } from './training';
