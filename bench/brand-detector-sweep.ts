/**
 * Compares breadths (how many of the head's best brands ORB verifies) from one training run: ORB
 * match counts do not depend on which other brands are checked, so a model trained with the widest
 * breadth holds every narrower one. For each breadth k the fusion and its threshold are fitted again
 * on the validation images' best k candidates (the choice is made there), then the held-out images
 * are scored with their best k candidates under that fusion.
 */
import { chooseFusion, confidence, fusedScore, type FusionChoice, type ValidationImage } from '../workflows/brand/lib/detector/fusion';
import type { Scored } from '../workflows/brand/lib/detector/fused';
import { NONE, scoreImages, type ImageOutcome } from '../workflows/brand/lib/metrics';
import type { EvaluationSummary } from '../workflows/brand/schemas';

export interface SweepRow {
  candidates: number;
  threshold: number;
  validation: FusionChoice['validation'];
  heldOut: { accuracy: number; precision: number; recall: number; noLogoLabelled: number; perLabel: EvaluationSummary['perLabel'] };
}

export function sweep(
  breadths: readonly number[],
  validation: readonly ValidationImage[],
  heldOut: ReadonlyArray<{ image: string; expected: string[]; candidates: Scored[] }>,
): SweepRow[] {
  return breadths.map((k) => {
    const choice = chooseFusion(validation.map((im) => ({ positive: im.positive, candidates: im.candidates.slice(0, k) })));
    const fusion = choice.fusion;
    const outcomes: ImageOutcome[] = heldOut.map((im) => {
      const [top] = im.candidates
        .slice(0, k)
        .filter((c) => c.box.width > 0 && c.box.height > 0)
        .map((c) => ({ name: c.label, confidence: confidence(fusion, fusedScore(fusion, c)) }))
        .filter((d) => d.confidence >= 50)
        .sort((a, b) => b.confidence - a.confidence);
      return { image: im.image, expected: im.expected, predicted: top?.name ?? NONE, confidence: top?.confidence ?? 0 };
    });
    const s = scoreImages(outcomes);
    const noLogoLabelled = outcomes.filter((o) => o.expected.length === 0 && o.predicted !== NONE).length;
    return { candidates: k, threshold: fusion.threshold, validation: choice.validation, heldOut: { accuracy: s.accuracy, precision: s.precision, recall: s.recall, noLogoLabelled, perLabel: s.perLabel } };
  });
}
