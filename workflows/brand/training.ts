/**
 * brand-training: PrepareTraining → ProbeVideos (Map over the uploaded videos: ProbeVideo →
 * ExtractFrames, a Map over slices) → PrepareLabeling → HaveAnnotations? → (import, or WaitForLabels:
 * a `.waitForTaskToken` task people answer from the labeling page) → CollectAnnotations →
 * TrainDetector → Evaluate → RegisterDetector → BrandModelTrained.
 */
import { defineEvent, defineWorkflow, jsonata, stateRef } from '../../src/builder';
import { BrandModelTrainedDetail, BrandTrainingInput, BrandTrainingOutput, type LabelsSubmitted, type TrainingPlan } from './schemas';
import { CollectAnnotations, Evaluate, ExtractFrames, PrepareLabeling, PrepareTraining, ProbeVideo, RegisterDetector, TrainDetector, WaitForLabels } from './tasks';

export const BrandModelTrained = defineEvent({ source: 'statecraft.brand', detailType: 'BrandModelTrained', detail: BrandModelTrainedDetail });

/** People get a heartbeat window this long: the labeling page sends SendTaskHeartbeat while open. */
export const LABELING_HEARTBEAT_SECONDS = 3600;
/** How long a labeling job may stay open at all. */
export const LABELING_TIMEOUT_SECONDS = 7 * 24 * 3600;

interface Vars {
  plan: TrainingPlan;
  framesPrefix: string;
  annotations: LabelsSubmitted;
}

const collect = stateRef<unknown, Vars>('CollectAnnotations');

export const brandTraining = defineWorkflow(
  { name: 'brand-training', input: BrandTrainingInput, output: BrandTrainingOutput, comment: 'Trains a logo detector from labelled images and video frames, evaluates it on a held-out fifth and registers it' },
  (start) =>
    start
      .task('PrepareTraining', {
        task: PrepareTraining,
        arguments: (s) => ({ input: s.input, executionName: s.context.Execution.Name }),
        assign: (s) => ({ plan: s.result, framesPrefix: jsonata<string>`${s.result.runPrefix} & 'frames/'` }),
      })
      .map('ProbeVideos', {
        items: (s) => s.vars.plan.videos,
        itemSelector: (s) => ({ video: s.item, every: s.vars.plan.every, framesPrefix: s.vars.framesPrefix }),
        processor: (video) =>
          video
            .task('ProbeVideo', { task: ProbeVideo, arguments: (s) => s.input })
            .map('ExtractFrames', {
              items: (s) => s.input.slices,
              itemSelector: (s) => ({ video: s.input.video, slice: s.item, every: s.vars.plan.every, fps: s.input.info.fps, framesPrefix: s.input.framesPrefix }),
              maxConcurrency: 4,
              processor: (slice) => slice.task('ExtractSlice', { task: ExtractFrames, arguments: (s) => s.input }).end(),
            })
            .end(),
      })
      .task('PrepareLabeling', {
        task: PrepareLabeling,
        arguments: (s) => ({
          bucket: s.vars.plan.bucket,
          uploadsPrefix: s.vars.plan.uploadsPrefix,
          framesPrefix: s.vars.framesPrefix,
          runPrefix: s.vars.plan.runPrefix,
          labels: s.vars.plan.labels,
          jobName: s.context.Execution.Name,
        }),
      })
      .choice('HaveAnnotations?', (c) =>
        c
          .when(
            (s) => jsonata<boolean>`${s.vars.plan.annotations} = null`,
            (people) =>
              people
                .callback('WaitForLabels', {
                  task: WaitForLabels,
                  arguments: (s) => ({
                    manifest: s.input.manifest,
                    jobName: s.input.jobName,
                    labels: s.input.labels,
                    taskToken: s.context.Task.Token,
                    executionArn: s.context.Execution.Id,
                    heartbeatSeconds: LABELING_HEARTBEAT_SECONDS,
                  }),
                  timeoutSeconds: LABELING_TIMEOUT_SECONDS,
                  heartbeatSeconds: LABELING_HEARTBEAT_SECONDS,
                  assign: (s) => ({ annotations: s.result as unknown as LabelsSubmitted }),
                })
                .goto(collect),
          )
          .otherwise((imported) =>
            imported
              .pass('ImportAnnotations', { assign: (s) => ({ annotations: s.vars.plan.annotations as LabelsSubmitted }) })
              .task(collect, {
                task: CollectAnnotations,
                arguments: (s) => ({
                  annotations: s.vars.annotations,
                  bucket: s.vars.plan.bucket,
                  uploadsPrefix: s.vars.plan.uploadsPrefix,
                  framesPrefix: s.vars.framesPrefix,
                  runPrefix: s.vars.plan.runPrefix,
                  seed: s.vars.plan.seed,
                }),
                assign: (s) => ({ dataset: s.result }),
              })
              .task('TrainDetector', { task: TrainDetector, arguments: (s) => ({ train: s.input.train, runPrefix: s.vars.plan.runPrefix }), assign: (s) => ({ trained: s.result }) })
              .task('Evaluate', { task: Evaluate, arguments: (s) => ({ model: s.input.model, test: s.vars.dataset.test, runPrefix: s.vars.plan.runPrefix }), assign: (s) => ({ evaluation: s.result }) })
              .task('RegisterDetector', {
                task: RegisterDetector,
                arguments: (s) => ({
                  modelName: s.vars.plan.modelName,
                  artefact: s.vars.trained.model,
                  detector: { format: s.vars.trained.format, threshold: s.vars.trained.threshold, templates: s.vars.trained.templates, validation: s.vars.trained.validation },
                  summary: s.input.summary,
                  executionArn: s.context.Execution.Id,
                }),
              })
              .emit('EmitBrandModelTrained', {
                event: BrandModelTrained,
                detail: (s) => ({
                  project: s.vars.plan.project,
                  modelName: s.input.modelName,
                  version: s.input.version,
                  artefact: s.input.artefact,
                  accuracy: s.vars.evaluation.summary.accuracy,
                  precision: s.vars.evaluation.summary.precision,
                  recall: s.vars.evaluation.summary.recall,
                  f1: s.vars.evaluation.summary.f1,
                  executionArn: s.context.Execution.Id,
                }),
              })
              .succeed('Trained', { output: (s) => ({ model: s.input, evaluation: s.vars.evaluation.summary, report: s.vars.evaluation.report, refused: s.vars.dataset.refused }) }),
          ),
      ),
);
