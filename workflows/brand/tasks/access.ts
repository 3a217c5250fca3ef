/**
 * The objects brand tasks reach, all in the shared data bucket: uploads under `brand/`, each run's
 * files under `runs/brand-training/`, `runs/brand-analysis/` or `runs/brand-evaluation/`, labeling jobs under `brand/labeling/`.
 */
import type { ObjectAccess, ObjectAccessMode } from '../../../src/services';
import { DATA_BUCKET } from '../../data-bucket';

export const TRAINING_UPLOADS = 'brand/training/';
export const ANALYSIS_UPLOADS = 'brand/analysis/';
export const LABELING_JOBS = 'brand/labeling/';
export const TRAINING_RUNS = 'runs/brand-training/';
export const ANALYSIS_RUNS = 'runs/brand-analysis/';
/** Files the `statecraft brand` commands upload: outside brand/training/ and brand/analysis/, so no upload rule starts a second run. */
export const COMMAND_UPLOADS = 'brand/commands/';
export const EVALUATION_RUNS = 'runs/brand-evaluation/';

const grant = (prefix: string) => (access: ObjectAccessMode): ObjectAccess => ({ bucket: DATA_BUCKET, prefix, access });

export const trainingUploads = grant(TRAINING_UPLOADS);
export const analysisUploads = grant(ANALYSIS_UPLOADS);
export const labelingJobs = grant(LABELING_JOBS);
export const trainingRuns = grant(TRAINING_RUNS);
export const analysisRuns = grant(ANALYSIS_RUNS);
export const commandUploads = grant(COMMAND_UPLOADS);
export const evaluationRuns = grant(EVALUATION_RUNS);
