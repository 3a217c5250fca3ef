/**
 * brand-evaluation: PrepareEvaluation → EvaluateImages (Map over batches of labelled images) →
 * ScoreEvaluation. Scores any registered logo-detector version on a folder of images with
 * image-level labels, as `statecraft brand evaluate` asks.
 */
import { defineWorkflow, jsonata } from '../../src/builder';
import { BrandEvaluationInput, BrandEvaluationOutput } from './schemas';
import { EvaluateBatch, PrepareEvaluation, ScoreEvaluation } from './tasks';
import { EVALUATION_RUNS } from './tasks/access';

export const brandEvaluation = defineWorkflow(
  { name: 'brand-evaluation', input: BrandEvaluationInput, output: BrandEvaluationOutput, comment: 'Scores a logo-detector version on labelled images: accuracy, precision and recall per brand and overall' },
  (start) =>
    start
      .task('PrepareEvaluation', {
        task: PrepareEvaluation,
        arguments: (s) => ({ input: s.input, runPrefix: jsonata<string>`${EVALUATION_RUNS} & ${s.context.Execution.Name} & '/'` }),
        assign: (s) => ({ plan: s.result, runPrefix: jsonata<string>`${EVALUATION_RUNS} & ${s.context.Execution.Name} & '/'` }),
      })
      .map('EvaluateImages', {
        items: (s) => s.input.batches,
        itemSelector: (s) => ({ artefact: s.vars.plan.artefact, images: s.vars.plan.images, batch: s.item, runPrefix: s.vars.runPrefix }),
        maxConcurrency: 4,
        processor: (batch) => batch.task('EvaluateBatch', { task: EvaluateBatch, arguments: (s) => s.input }).end(),
      })
      .task('ScoreEvaluation', {
        task: ScoreEvaluation,
        arguments: (s) => ({ model: s.vars.plan.model, outcomes: s.input, runPrefix: s.vars.runPrefix, bucket: s.vars.plan.images.bucket }),
      })
      .succeed('Evaluated'),
);
