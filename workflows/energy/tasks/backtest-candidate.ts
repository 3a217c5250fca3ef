/**
 * BacktestCandidate: one Map item — a candidate rule, or the champion — on the same backtest days as
 * every other item: the candidate chooses its windows and weights on the fitting days before them,
 * then its P50 and band are scored against the span's prices, which Plan read from the lake once for every item. Runs in a compute worker, so the
 * Map's items use every core.
 */
import { defineTask } from '../../../src/builder';
import { DATA_BUCKET } from '../../data-bucket';
import { backtestJob } from '../jobs';
import { BacktestInput, BacktestOutput } from '../schemas/retrain';
import { retrainRuns } from './access';

export const BacktestCandidate = defineTask({
  name: 'energy-retrain-backtest',
  input: BacktestInput,
  output: BacktestOutput,
  access: { objects: [retrainRuns('read')] },
  memoryMb: 1024,
  run: async ({ plan, fitDays, runPrefix, actual: prices, item }, { objects, compute }) => {
    const windows = item.candidate?.windows ?? item.champion?.windows ?? [];
    const actual = Float64Array.from(JSON.parse(await objects.getText(prices)) as number[]);
    const members = new Map<number, Float64Array>();
    for (const window of new Set(windows)) {
      const stored = JSON.parse(await objects.getText({ bucket: DATA_BUCKET, key: `${runPrefix}members/w${window}.json` })) as { forecasts: number[] };
      members.set(window, Float64Array.from(stored.forecasts));
    }
    return compute.run(backtestJob, {
      span: { days: actual.length / 24, actual, members },
      plan,
      fitDays,
      ...(item.candidate && { candidate: item.candidate }),
      ...(item.champion && { champion: item.champion }),
    });
  },
});
