/** ScoreEvaluation: accuracy, precision and recall per brand and overall from every batch's outcomes; writes the report. */
import { defineTask } from '../../../src/builder';
import { NONE, scoreImages } from '../lib/metrics';
import { BrandEvaluationOutput, ScoreEvaluationInput, type EvaluationReport } from '../schemas';
import { evaluationRuns } from './access';

export const ScoreEvaluation = defineTask({
  name: 'brand-score-evaluation',
  input: ScoreEvaluationInput,
  output: BrandEvaluationOutput,
  access: { objects: [evaluationRuns('read-write')] },
  run: async ({ model, outcomes, runPrefix, bucket }, { objects }) => {
    const images = (await Promise.all(outcomes.map(async (ref) => JSON.parse(await objects.getText(ref)) as EvaluationReport['images']))).flat();
    const summary = scoreImages(images.map((image) => ({ ...image, expected: image.expected === NONE ? [] : [image.expected] })));
    const report: EvaluationReport = { accuracy: summary.accuracy, precision: summary.precision, recall: summary.recall, perBrand: summary.perLabel, images };
    const ref = { bucket, key: `${runPrefix}report.json` };
    await objects.putText(ref, JSON.stringify(report, null, 2), 'application/json');
    return { model, report: ref, images: summary.images, accuracy: summary.accuracy, precision: summary.precision, recall: summary.recall, f1: summary.f1 };
  },
});
