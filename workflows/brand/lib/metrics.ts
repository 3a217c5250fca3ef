/**
 * Image-level scores: an image's prediction is its most confident label at or above 50, or none.
 * It is right when the image has that label; precision is over the images given a label, recall
 * over the images that have one; per label the same, counting the label alone.
 */
import type { EvaluationSummary } from '../schemas';

export interface ImageOutcome {
  image: string;
  expected: string[];
  /** A label, or `none`. */
  predicted: string;
  confidence: number;
}

export const NONE = 'none';

export function scoreImages(outcomes: readonly ImageOutcome[]): EvaluationSummary {
  const labelled = outcomes.filter((o) => o.predicted !== NONE);
  const positives = outcomes.filter((o) => o.expected.length > 0);
  const right = labelled.filter((o) => o.expected.includes(o.predicted)).length;
  const accurate = outcomes.filter((o) => (o.predicted === NONE ? o.expected.length === 0 : o.expected.includes(o.predicted))).length;
  const labels = [...new Set(outcomes.flatMap((o) => [...o.expected, ...(o.predicted === NONE ? [] : [o.predicted])]))].sort();
  const perLabel: EvaluationSummary['perLabel'] = {};
  for (const label of labels) {
    const tp = outcomes.filter((o) => o.predicted === label && o.expected.includes(label)).length;
    const predicted = outcomes.filter((o) => o.predicted === label).length;
    const support = outcomes.filter((o) => o.expected.includes(label)).length;
    perLabel[label] = { ...prf(tp, predicted, support), support };
  }
  return { images: outcomes.length, accuracy: ratio(accurate, outcomes.length), ...prf(right, labelled.length, positives.length), perLabel };
}

function prf(tp: number, predicted: number, actual: number): { precision: number; recall: number; f1: number } {
  const precision = ratio(tp, predicted);
  const recall = ratio(tp, actual);
  return { precision, recall, f1: precision + recall ? round((2 * precision * recall) / (precision + recall)) : 0 };
}

const ratio = (a: number, b: number) => (b ? round(a / b) : 0);
const round = (v: number) => Math.round(v * 1e4) / 1e4;
