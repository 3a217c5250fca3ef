/** Decide: the best candidate on the backtest, and whether it beats the champion on the same days. */
import { defineTask } from '../../../src/builder';
import { TaskFailure } from '../../../src/services';
import { bestCandidate, decidePromotion } from '../lib';
import { DecideInput, DecideOutput } from '../schemas/retrain';

export const DecidePromotion = defineTask({
  name: 'energy-retrain-decide',
  input: DecideInput,
  output: DecideOutput,
  access: {},
  run: ({ results, margin }) => {
    const candidates = results.filter((r) => !r.isChampion);
    if (candidates.length === 0) throw new TaskFailure('NoCandidates', 'the backtest returned no candidate besides the champion.');
    const challenger = candidates[bestCandidate(candidates.map((c) => c.metrics))]!;
    const champion = results.find((r) => r.isChampion);
    if (!champion) throw new TaskFailure('NoChampion', 'the backtest returned no result for the champion.');
    const decision = decidePromotion(champion.metrics, challenger.metrics, margin);
    const ranking = [...results].sort((a, b) => a.metrics.mae - b.metrics.mae).map((r) => ({ name: r.name, mae: r.metrics.mae, pinball: r.metrics.pinball, coverage: r.metrics.coverage }));
    return { ...decision, challenger, championMetrics: champion.metrics, ranking };
  },
});
