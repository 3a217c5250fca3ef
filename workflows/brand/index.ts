/**
 * The brand package: `brand-training` (labelled images and video frames → a logo detector, evaluated
 * and registered), `brand-analysis` (a video → per-minute brand visibility) and `brand-evaluation` (a model version
 * scored on labelled images), with the `statecraft brand` commands that run them. Its task functions
 * carry sharp's addon, ffmpeg, ffprobe and the detector's model files (native-packages.ts); it adds a
 * labeling page and a visibility view to the console.
 */
import { join } from 'node:path';
import { defineWorkflowPackage } from '../../src/builder';
import { dataBucket } from '../data-bucket';
import { brandAnalysis } from './analysis';
import { brandCommands } from './commands';
import { brandEvaluation } from './evaluation';
import { brandNativePackages } from './native-packages';
import { brandAnalysisOnUpload, brandTrainingOnUpload } from './rules';
import { LABELING_JOBS_PREFIX } from './tasks';
import { brandTraining } from './training';

export const brandPackage = defineWorkflowPackage({
  module: __filename,
  workflows: [brandTraining, brandAnalysis, brandEvaluation],
  rules: [brandTrainingOnUpload, brandAnalysisOnUpload],
  buckets: [dataBucket],
  commands: brandCommands,
  nativePackages: brandNativePackages,
  // The labeling page answers WaitForLabels' jobs; the view draws brand-analysis's report.
  consolePages: [{ route: 'labeling', title: 'Labeling', module: join(__dirname, 'console/labeling-page.js'), settings: { bucket: dataBucket.name, jobsPrefix: LABELING_JOBS_PREFIX } }],
  resultViews: [{ workflow: 'brand-analysis', title: 'Brand visibility per minute', module: join(__dirname, 'console/visibility-view.js') }],
});

export { brandAnalysis, BrandAnalysisCompleted } from './analysis';
export { brandEvaluation } from './evaluation';
export { brandTraining, BrandModelTrained } from './training';
