/**
 * TrainMember: one calibration window's LEAR forecasts for every day of the retrain's span, each
 * recalibrated on the history before its day, queried from the lake. A day's member forecast never
 * changes once its history is in the lake, so finished days are kept per market and window (the
 * daily Forecast keeps its own there too) and later runs compute only the days nobody has. The
 * LEAR fits run in a compute worker.
 */
import { defineTask } from '../../../src/builder';
import { DATA_BUCKET } from '../../data-bucket';
import { membersJob } from '../jobs';
import { TrainMemberInput, TrainMemberOutput } from '../schemas/retrain';
import { memberCache, memberKey, retrainRuns, MEMBERS_PREFIX } from './access';
import { addDays, daysBetween, readHistory } from './lake-reads';

export const TrainMember = defineTask({
  name: 'energy-retrain-train-member',
  input: TrainMemberInput,
  output: TrainMemberOutput,
  access: { lakeQueries: true, lakeTables: ['energy_history'], objects: [memberCache('read-write'), retrainRuns('write')] },
  memoryMb: 1024,
  run: async ({ market, window, span, runPrefix }, { lake, objects, compute }) => {
    const cached = new Set(await objects.listKeys(DATA_BUCKET, `${MEMBERS_PREFIX}${market}/w${window}/`));
    const days = Array.from({ length: daysBetween(span.from, span.to) + 1 }, (_, k) => addDays(span.from, k));
    const keyOf = (day: string) => memberKey(market, window, day);
    const missing = days.filter((day) => !cached.has(keyOf(day)));
    if (missing.length > 0) {
      // The window's days before the first missing day, and its week of lags.
      const history = await readHistory(lake, market, addDays(missing[0]!, -window - 7), span.to);
      const index = (day: string) => daysBetween(history.days[0]!, day);
      const forecasts = await compute.run(membersJob, { history, windows: [window], days: missing.map(index) });
      await Promise.all(missing.map((day, k) => objects.putText({ bucket: DATA_BUCKET, key: keyOf(day) }, JSON.stringify(Array.from(forecasts[k]!)))));
    }
    const series = await Promise.all(days.map(async (day) => JSON.parse(await objects.getText({ bucket: DATA_BUCKET, key: keyOf(day) })) as number[]));
    const forecasts = { bucket: DATA_BUCKET, key: `${runPrefix}members/w${window}.json` };
    await objects.putText(forecasts, JSON.stringify({ window, from: span.from, to: span.to, forecasts: series.flat() }));
    return { window, forecasts, computedDays: missing.length, cachedDays: days.length - missing.length };
  },
});
