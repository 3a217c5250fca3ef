/** The brand tasks: media, then training, then analysis. */
export { ProbeVideo } from './probe-video';
export { ExtractFrames } from './extract-frames';
export { PrepareTraining } from './prepare-training';
export { PrepareLabeling } from './prepare-labeling';
export { WaitForLabels, labelingJobKey, labelingDraftKey, labelingOutputKey, LABELING_JOBS_PREFIX, type LabelingJob } from './wait-for-labels';
export { CollectAnnotations } from './collect-annotations';
export { TrainDetector } from './train-detector';
export { Evaluate } from './evaluate';
export { RegisterDetector } from './register-detector';
export { StartModel } from './start-model';
export { DescribeModel } from './describe-model';
export { DetectLogos } from './detect-logos';
export { StopModel } from './stop-model';
export { Visibility } from './visibility';
export { PrepareEvaluation } from './prepare-evaluation';
export { EvaluateBatch } from './evaluate-batch';
export { ScoreEvaluation } from './score-evaluation';
