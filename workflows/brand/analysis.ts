/**
 * brand-analysis: CheckFileType (a Choice on the extension) → ProbeVideo → StartModel → WaitForModel
 * + ModelRunning? (polling DescribeModel until RUNNING) → ExtractFrames (Map over slices) →
 * DetectLogos (Map over the slices' frame batches) → StopModel → Visibility → BrandAnalysisCompleted.
 * Once the model has started, any failure goes through StopModelAfterFailure, so nothing is left running.
 */
import type { Static } from '@sinclair/typebox';
import { defineEvent, defineWorkflow, eq, jsonata, stateRef, type ErrorOutput } from '../../src/builder';
import { MEDIA_EXTENSIONS } from './lib/media';
import { BrandAnalysisCompletedDetail, BrandAnalysisInput, BrandAnalysisOutput, ModelChoice as ModelChoiceSchema, type ProbedVideo } from './schemas';
import { DescribeModel, DetectLogos, ExtractFrames, ProbeVideo, StartModel, StopModel, Visibility } from './tasks';
import { ANALYSIS_RUNS } from './tasks/access';

export const BrandAnalysisCompleted = defineEvent({ source: 'statecraft.brand', detailType: 'BrandAnalysisCompleted', detail: BrandAnalysisCompletedDetail });

const DEFAULT_EVERY = 12;

interface Vars {
  runPrefix: string;
  every: number;
  probe: Static<typeof ProbedVideo>;
  server: { bucket: string; key: string };
  model: string;
  modelChoice: ModelChoice | null;
}

type ModelChoice = Static<typeof ModelChoiceSchema>;

const waitForModel = stateRef<unknown, Vars>('WaitForModel');
const stopAfterFailure = stateRef<ErrorOutput, Vars & { failure: ErrorOutput }>('StopModelAfterFailure');

export const brandAnalysis = defineWorkflow(
  { name: 'brand-analysis', input: BrandAnalysisInput, output: BrandAnalysisOutput, comment: 'Detects logos in sampled frames of a video or image and reports each brand’s visibility per minute' },
  (start) =>
    start.choice('CheckFileType', (c) =>
      c
        .when(
          (s) => jsonata<boolean>`$lowercase($reverse($split(${s.input.video.key}, '.'))[0]) in ${MEDIA_EXTENSIONS as string[]}`,
          (media) =>
            media
              .pass('Settings', {
                assign: (s) => ({
                  runPrefix: jsonata<string>`${ANALYSIS_RUNS} & ${s.context.Execution.Name} & '/'`,
                  every: jsonata<number>`${s.input.every} ? ${s.input.every} : ${DEFAULT_EVERY}`,
                  modelChoice: jsonata<ModelChoice | null>`${s.input.model} ? ${s.input.model} : null`,
                }),
              })
              .task('ProbeVideo', {
                task: ProbeVideo,
                arguments: (s) => ({ video: s.input.video, every: s.vars.every, framesPrefix: jsonata<string>`${s.vars.runPrefix} & 'frames/'` }),
                assign: (s) => ({ probe: s.result }),
              })
              .task('StartModel', {
                task: StartModel,
                arguments: (s) => ({ video: s.input.video, model: s.vars.modelChoice, runPrefix: s.vars.runPrefix }),
                assign: (s) => ({ server: s.result.server, model: jsonata<string>`${s.result.modelName} & '@' & $string(${s.result.version})` }),
              })
              .wait(waitForModel, { seconds: 1 })
              .task('DescribeModel', {
                task: DescribeModel,
                arguments: (s) => ({ server: s.vars.server }),
                catch: (k) => [k.to(['States.ALL'], { assign: (s) => ({ failure: s.errorOutput }) }, stopAfterFailure)],
              })
              .choice('ModelRunning?', (m) =>
                m
                  .when(
                    (s) => eq(s.input.status, 'RUNNING'),
                    (running) =>
                      running
                        .map('ExtractFrames', {
                          items: (s) => s.vars.probe.slices,
                          itemSelector: (s) => ({ video: s.vars.probe.video, slice: s.item, every: s.vars.every, fps: s.vars.probe.info.fps, framesPrefix: s.vars.probe.framesPrefix }),
                          maxConcurrency: 4,
                          processor: (slice) => slice.task('ExtractSlice', { task: ExtractFrames, arguments: (s) => s.input }).end(),
                          catch: (k) => [k.to(['States.ALL'], { assign: (s) => ({ failure: s.errorOutput }) }, stopAfterFailure)],
                        })
                        .map('DetectLogos', {
                          items: (s) => s.vars.probe.slices,
                          itemSelector: (s) => ({ server: s.vars.server, framesPrefix: s.vars.probe.framesPrefix, fps: s.vars.probe.info.fps, every: s.vars.every, slice: s.item, runPrefix: s.vars.runPrefix }),
                          maxConcurrency: 4,
                          processor: (batch) => batch.task('DetectBatch', { task: DetectLogos, arguments: (s) => s.input }).end(),
                          catch: (k) => [k.to(['States.ALL'], { assign: (s) => ({ failure: s.errorOutput }) }, stopAfterFailure)],
                          output: (s) => jsonata<{ bucket: string; key: string }[]>`${s.result}.detections`,
                        })
                        .task('StopModel', { task: StopModel, arguments: (s) => ({ server: s.vars.server }), output: (s) => s.input })
                        .task('Visibility', {
                          task: Visibility,
                          arguments: (s) => ({ detections: jsonata<{ bucket: string; key: string }[]>`[${s.input}]`, info: s.vars.probe.info, model: s.vars.model, video: s.vars.probe.video, runPrefix: s.vars.runPrefix }),
                        })
                        .emit('EmitBrandAnalysisCompleted', {
                          event: BrandAnalysisCompleted,
                          detail: (s) => ({ video: s.vars.probe.video, model: s.vars.model, report: s.input.report, sampledFrames: s.input.sampledFrames, labels: s.input.labels, executionArn: s.context.Execution.Id }),
                        })
                        .succeed('Analysed'),
                  )
                  .when(
                    (s) => eq(s.input.status, 'FAILED'),
                    (failed) =>
                      failed
                        .pass('ModelFailed', {
                          output: (s) => ({ Error: 'ModelFailedToStart', Cause: jsonata<string>`${s.input.statusMessage} ? ${s.input.statusMessage} : 'the model failed to start'` }),
                          assign: (s) => ({ failure: { Error: 'ModelFailedToStart', Cause: jsonata<string>`${s.input.statusMessage} ? ${s.input.statusMessage} : 'the model failed to start'` } }),
                        })
                        .task(stopAfterFailure, { task: StopModel, arguments: (s) => ({ server: s.vars.server }) })
                        .fail('AnalysisFailed', { error: (s) => s.vars.failure.Error, cause: (s) => s.vars.failure.Cause }),
                  )
                  .otherwise(waitForModel),
              ),
        )
        .otherwise((other) =>
          other.fail('UnsupportedFileType', {
            error: 'UnsupportedFileType',
            cause: (s) => jsonata<string>`'Not a video or image: ' & ${s.input.video.key} & ' (expected .mp4 .m4v .mov .png .jpg .jpeg, any case)'`,
          }),
        ),
    ),
);
