/**
 * `npm run bench:energy-loop`: what the retraining loop reaches. It replays energy-retrain's
 * decision weekly over the NP test period (2016-12-27 .. 2018-12-24) at the library level — the
 * same candidates, backtest and promotion rule as the workflow, without the orchestration — and
 * prints the promoted sequence's accuracy next to the published LEAR and DNN ensembles. It decides
 * when `statecraft backtest energy` does: every Monday (the day before the week's first forecast
 * day), reading only member forecasts and prices of the days before it, from the second week on;
 * each member forecast is a LEAR recalibrated on the days before its own day.
 *
 * The member forecasts (8 windows × the test period and 26 weeks before it; see loopMembers for the
 * two long windows) take ~17 minutes of CPU the first time (~1.1 s per day for the eight windows),
 * on BENCH_ENERGY_WORKERS threads (default 2); they are cached (BENCH_ENERGY_CACHE, default the OS
 * temp directory). BENCH_LOOP_SETTINGS lists the loop settings replayed, `backtestDays/fitDays/margin`
 * separated by commas (default `28/28/0.01,56/56/0.02`: the workflow's defaults, then a longer,
 * stricter comparison); every setting listed is printed. BENCH_LOOP_DECISIONS=FROM..TO prints every
 * decision of those days too (its backtest and fitting days, challenger, champion, outcome), to set
 * beside what a `statecraft backtest energy` of the same days registered.
 */
import { join } from 'node:path';
import { DEFAULT_FORECASTER, type ForecasterConfig } from '../workflows/energy/schemas/model';
import {
  bandOfDay,
  bandPinball,
  coverage,
  dayIndex,
  defaultCandidates,
  ensemblePoint,
  mae,
  publishedSeries,
  readMarketData,
  readPublishedForecasts,
  retrainDecision,
  retrainPlan,
  rmae,
  rmse,
  smape,
  WINDOW_POOL,
  type Band,
  type MemberSpan,
  type RetrainDecision,
} from '../workflows/energy/lib';
import { memberForecasts } from './energy-members';
import { renderTable } from './table';

const DATA = join(__dirname, '../../shared/data/energy');
const MARKET_CSV = join(DATA, 'NP.csv');
const PUBLISHED_CSV = join(DATA, 'Forecasts_NP_DNN_LEAR_ensembles.csv');
/** Member forecasts before the test period: the first decision's fit and backtest days and their band calibration. */
const LEAD_DAYS = 182;
/** The windows whose test-period forecasts our LEAR reproduces exactly (the README's check). */
const PUBLISHED_WINDOWS: readonly number[] = [1092, 1456];
const YEAR_2018 = '2017-12-26';
const SETTINGS = (process.env.BENCH_LOOP_SETTINGS ?? '28/28/0.01,56/56/0.02').split(',').map((text) => {
  const [backtestDays, fitDays, margin] = text.split('/').map(Number);
  if (![backtestDays, fitDays, margin].every((x) => Number.isFinite(x))) throw new Error(`BENCH_LOOP_SETTINGS: '${text}' is not backtestDays/fitDays/margin.`);
  return { backtestDays: backtestDays!, fitDays: fitDays!, margin: margin! };
});
type Settings = (typeof SETTINGS)[number];
/**
 * energy-retrain runs on Monday at 06:00, before that day's ingest appends Monday's prices and
 * forecasts Tuesday: a decision reads the days before the day it runs on, and the champion it leaves
 * forecasts from the next day. The test period starts on a Tuesday, so the replayed decisions fall on
 * the Mondays the workflow's do.
 */
const DECISION_LEAD_DAYS = 1;
const DECISIONS = process.env.BENCH_LOOP_DECISIONS?.split('..');
if (DECISIONS && (DECISIONS.length !== 2 || !DECISIONS.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)))) throw new Error(`BENCH_LOOP_DECISIONS: '${process.env.BENCH_LOOP_DECISIONS}' is not FROM..TO (days YYYY-MM-DD).`);

const market = readMarketData(MARKET_CSV);
const published = readPublishedForecasts(PUBLISHED_CSV);
const testFrom = dayIndex(market, published.days[0]!);
const testTo = dayIndex(market, published.days[published.days.length - 1]!);
const spanFrom = testFrom - LEAD_DAYS;

/**
 * The pool's member forecasts over the span, all ours. With BENCH_LOOP_PUBLISHED_LONG=1 the 1092- and
 * 1456-day members of the test period are the published LEAR forecasts instead — bench:energy shows
 * ours match them to 0.016 and 0.015 EUR/MWh on average — which saves 80 % of the computation on a
 * shared machine; the days before the test period stay ours.
 */
async function loopMembers(): Promise<{ byWindow: Map<number, Float64Array>; computedSeconds: number; publishedLong: boolean }> {
  const own = process.env.BENCH_LOOP_PUBLISHED_LONG !== '1';
  if (own) return { ...(await memberForecasts(MARKET_CSV, spanFrom, testTo, WINDOW_POOL)), publishedLong: false };
  const long = WINDOW_POOL.filter((w) => PUBLISHED_WINDOWS.includes(w));
  const short = await memberForecasts(MARKET_CSV, spanFrom, testTo, WINDOW_POOL.filter((w) => !long.includes(w)));
  const lead = await memberForecasts(MARKET_CSV, spanFrom, testFrom - 1, long);
  for (const w of long) {
    const series = new Float64Array((testTo - spanFrom + 1) * 24);
    series.set(lead.byWindow.get(w)!, 0);
    series.set(publishedSeries(published, `LEAR ${w}`), (testFrom - spanFrom) * 24);
    short.byWindow.set(w, series);
  }
  return { byWindow: short.byWindow, computedSeconds: short.computedSeconds + lead.computedSeconds, publishedLong: true };
}

async function main(): Promise<void> {
  const members = await loopMembers();
  const actualSpan = market.price.subarray(spanFrom * 24, (testTo + 1) * 24);
  const span: MemberSpan = { days: testTo - spanFrom + 1, actual: actualSpan, members: members.byWindow };
  const first = testFrom - spanFrom;
  /** A span day's date. */
  const dayOf = (d: number) => market.days[spanFrom + d]!;
  const hours = (testTo - testFrom + 1) * 24;
  const actual = actualSpan.subarray(first * 24);

  interface Sequence extends Band {
    readonly p10: Float64Array;
    readonly p50: Float64Array;
    readonly p90: Float64Array;
    /** The ensemble mean before the band's median shift. */
    readonly point: Float64Array;
  }

  function emptySequence(): Sequence {
    return { p10: new Float64Array(hours), p50: new Float64Array(hours), p90: new Float64Array(hours), point: new Float64Array(hours) };
  }

  function forecastDays(out: Sequence, config: ForecasterConfig, from: number, to: number): void {
    const point = ensemblePoint(span, config.windows, config.weights);
    for (let d = from; d <= to; d++) {
      const band = bandOfDay(config.band, span, config.windows, point, d);
      const at = (d - first) * 24;
      out.p10.set(band.p10, at);
      out.p50.set(band.p50, at);
      out.p90.set(band.p90, at);
      out.point.set(point.subarray(d * 24, (d + 1) * 24), at);
    }
  }

  function replayLoop(options: Settings): { sequence: Sequence; promotions: string[]; decisions: number; told: string[] } {
    const specs = defaultCandidates(WINDOW_POOL);
    const sequence = emptySequence();
    const promotions: string[] = [];
    const told: string[] = [];
    let champion: ForecasterConfig = DEFAULT_FORECASTER;
    let decisions = 0;
    // The backtest's runtime starts after the Monday retrain before the first forecast day: the first week is the default's.
    forecastDays(sequence, champion, first, Math.min(first + 6, span.days - 1));
    for (let day = first + 7; day < span.days; day += 7) {
      const decisionDay = day - DECISION_LEAD_DAYS;
      const decision = retrainDecision(span, decisionDay, champion, specs, options);
      decisions++;
      if (DECISIONS && dayOf(decisionDay) >= DECISIONS[0]! && dayOf(decisionDay) <= DECISIONS[1]!) told.push(decisionLine(decisionDay, decision, options));
      if (decision.promote) {
        champion = decision.next;
        promotions.push(`${dayOf(decisionDay)}  ${decision.challenger.spec.name.padEnd(28)} windows ${champion.windows.join('/')}  weights ${champion.weights.map((w) => w.toFixed(2)).join('/')}`);
      }
      forecastDays(sequence, champion, day, Math.min(day + 6, span.days - 1));
    }
    return { sequence, promotions, decisions, told };
  }

  function decisionLine(day: number, decision: RetrainDecision, options: Settings): string {
    const plan = retrainPlan(day, options);
    const { challenger, championMetrics, next } = decision;
    const outcome = decision.promote ? `promoted: windows ${next.windows.join('/')}, weights ${next.weights.map((w) => w.toFixed(3)).join('/')}, band over ${next.band.calibrationDays} days` : 'champion kept';
    return `${dayOf(day)}: backtest ${dayOf(plan.backtestFrom)}..${dayOf(plan.backtestTo)}, fit ${dayOf(plan.fitFrom)}..${dayOf(plan.fitTo)}; ${challenger.spec.name} MAE ${challenger.metrics.mae.toFixed(4)} against the champion's ${championMetrics?.mae.toFixed(4)}; ${outcome}`;
  }

  function staticSequence(config: ForecasterConfig): Sequence {
    const sequence = emptySequence();
    forecastDays(sequence, config, first, span.days - 1);
    return sequence;
  }

  function row(name: string, point: ArrayLike<number>, band?: Band): string[] {
    const from2018 = published.days.indexOf(YEAR_2018) * 24;
    const slice = (s: ArrayLike<number>) => Array.prototype.slice.call(s, from2018) as number[];
    const bandCells = band
      ? [bandPinball(actual, band).toFixed(3), coverage(actual, band).toFixed(3), bandPinball(slice(actual), { p10: slice(band.p10), p50: slice(band.p50), p90: slice(band.p90) }).toFixed(3), coverage(slice(actual), { p10: slice(band.p10), p50: slice(band.p50), p90: slice(band.p90) }).toFixed(3)]
      : ['', '', '', ''];
    return [name, mae(actual, point).toFixed(4), rmae(actual, point).toFixed(3), smape(actual, point).toFixed(2), rmse(actual, point).toFixed(3), ...bandCells];
  }

  const label = (o: Settings) => `${o.backtestDays}/${o.fitDays} d, ${(o.margin * 100).toFixed(0)} %`;
  const loops = SETTINGS.map((options) => {
    const started = performance.now();
    const loop = replayLoop(options);
    return { options, ...loop, seconds: (performance.now() - started) / 1000 };
  });
  const benchmark = staticSequence(DEFAULT_FORECASTER);
  const pool = staticSequence({ ...DEFAULT_FORECASTER, windows: [...WINDOW_POOL], weights: WINDOW_POOL.map(() => 1 / WINDOW_POOL.length) });

  console.log(`energy-retrain replayed weekly over ${published.days[0]} .. ${published.days[published.days.length - 1]} (${testTo - testFrom + 1} days, ${loops[0]?.decisions} decisions, ${defaultCandidates().length} candidates each, windows ${WINDOW_POOL.join('/')})`);
  console.log(`member forecasts ${members.computedSeconds > 0 ? `computed in ${members.computedSeconds.toFixed(0)} s` : 'from the cache'}; decisions replayed in ${loops.map((l) => `${l.seconds.toFixed(0)} s`).join(', ')}`);
  if (members.publishedLong) console.log(`members ${PUBLISHED_WINDOWS.join(' and ')} over the test period: the published LEAR forecasts (ours match them to ~0.015 EUR/MWh; without BENCH_LOOP_PUBLISHED_LONG=1 they are computed)`);
  console.log('loop settings: backtest days / fitting days, margin a challenger needs; the first is energy-retrain\'s default\n');
  console.log(
    renderTable(
      ['forecast', 'MAE', 'rMAE', 'sMAPE %', 'RMSE', 'pinball', 'P10–P90 cov.', 'pinball 2018', 'cov. 2018'],
      [
        ...loops.flatMap((l) => [row(`loop ${label(l.options)}: promoted sequence, P50`, l.sequence.p50, l.sequence), row(`loop ${label(l.options)}: promoted, ensemble mean`, l.sequence.point)]),
        row('LEAR 56/84/1092/1456 equal (no loop), P50', benchmark.p50, benchmark),
        row('LEAR 56/84/1092/1456 equal, mean', benchmark.point),
        row(`LEAR all ${WINDOW_POOL.length} windows equal (no loop), P50`, pool.p50, pool),
        row('published LEAR ensemble', publishedSeries(published, 'LEAR Ensemble')),
        row('published DNN ensemble', publishedSeries(published, 'DNN Ensemble')),
      ],
    ),
  );
  console.log("\npinball: mean over P10/P50/P90 (EUR/MWh); the README's baseline band over 2018: coverage 0.765, pinball 0.778.");
  for (const l of loops) {
    console.log(`\npromotions, loop ${label(l.options)} (${l.promotions.length}):`);
    for (const line of l.promotions) console.log(`  ${line}`);
    if (DECISIONS) {
      console.log(`\ndecisions ${DECISIONS.join(' .. ')}, loop ${label(l.options)} (${l.told.length}):`);
      for (const line of l.told) console.log(`  ${line}`);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
