/**
 * `statecraft backtest energy`: a fresh local runtime on the virtual clock replays a market file
 * through the feed server while the package's own schedules and rules run it day by day — the
 * historical load, then each day's ingest and forecast, the scoring, the weekly retrain — and the
 * forecasts it published are then read back from the lake and scored against the file's prices (the
 * truth the feeds replay: the lake lacks a day's prices when the run that would append them cannot
 * run, e.g. the last day's, whose run needs the next day's exogenous forecasts).
 */
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AthenaClient } from '@aws-sdk/client-athena';
import { S3Client } from '@aws-sdk/client-s3';
import { DescribeExecutionCommand, ListExecutionsCommand, ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { CommandUsageError, type CommandContext, type LocalCommandHost, type PackageCommand } from '../../../src/builder';
import { LAKE_DATABASE } from '../../../src/services/lake';
import { AthenaLakeQueries } from '../../../src/services/aws/athena-queries';
import { S3ObjectService } from '../../../src/services/aws/s3-objects';
import { ObjectStoreModelRegistry } from '../../../src/services/model-registry';
import { DATA_BUCKET } from '../../data-bucket';
import { addDays, daysBetween, FEEDS_BASE_VARIABLE, MARKET_FILES_VARIABLE, marketOf, REPLAY_START_VARIABLE } from '../feeds';
import { FaultRule } from '../feeds/faults';
import { DEFAULT_MARKET_FILE } from '../feeds/market-files';
import { dayIndex, readMarketData, readPublishedForecasts, type MarketData } from '../lib';
import { ENERGY_MARKETS } from '../rules';
import { ENERGY_MODEL_KIND, energyModelName, ForecasterConfig } from '../schemas/model';
import { decisionLines, retrainDecisions } from './backtest-decisions';
import { bandMetrics, joinForecasts, metricsTable, publishedRows, type BacktestRow } from './backtest-report';
import { StateTimes } from './state-times';

/** The benchmark's test period. */
const DEFAULT_FROM = '2016-12-27';
const DEFAULT_TO = '2018-12-24';
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** After the daily ingest (09:00) and the scoring it starts: the day's work is done by then. */
const DAY_DONE_HOUR = 12;

interface BacktestOptions {
  data: string;
  market: string;
  from: string;
  to: string;
  published?: string;
  json: boolean;
  forecaster?: ForecasterConfig;
  faults: FaultRule[];
}

export const backtestCommand: PackageCommand = {
  name: 'backtest energy',
  summary: 'replays a market file through the energy workflows on the virtual clock and scores what they published',
  usage: 'statecraft backtest energy [--data FILE] [--market NAME] [--from DAY] [--to DAY] [--published FILE] [--forecaster JSON] [--fault JSON]... [--json]',
  options: [
    '--data FILE          the market file to replay (default the benchmark\'s NP.csv)',
    '--market NAME        the market it is served as; one the package schedules (default the file\'s name)',
    `--from DAY           the first forecast day (default ${DEFAULT_FROM})`,
    `--to DAY             the last forecast day (default ${DEFAULT_TO})`,
    '--published FILE     the benchmark\'s Forecasts_<market>_DNN_LEAR_ensembles.csv: its LEAR and DNN rows beside ours',
    '--forecaster JSON    a forecaster configuration approved as the champion before the first day (default the package\'s)',
    '--fault JSON         a feed fault in force from the first day, as POST /_feeds/faults takes it, e.g. {"kind":"outage","feed":"prices","rate":0.02,"seed":1}; repeatable',
    '--json               the metrics, the retraining decisions and every forecast (day, hour, p10, p50, p90, actual) as one JSON document',
  ],
  run: async (argv, context) => runBacktest(parseOptions(argv), context),
};

function parseOptions(argv: string[]): BacktestOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { data: { type: 'string' }, market: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, published: { type: 'string' }, forecaster: { type: 'string' }, fault: { type: 'string', multiple: true }, json: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new CommandUsageError((err as Error).message);
  }
  const data = resolve(values.data ?? DEFAULT_MARKET_FILE);
  if (!existsSync(data)) throw new CommandUsageError(`--data: no file ${values.data ?? data}`);
  const market = values.market ?? marketOf(data);
  if (!(ENERGY_MARKETS as readonly string[]).includes(market)) {
    throw new CommandUsageError(`no schedule ingests market '${market}' (the package schedules ${ENERGY_MARKETS.join(', ')}): pass --market ${ENERGY_MARKETS[0]} to replay the file as that market`);
  }
  const from = day('--from', values.from ?? DEFAULT_FROM);
  const to = day('--to', values.to ?? DEFAULT_TO);
  if (to < from) throw new CommandUsageError(`--to ${to} is before --from ${from}`);
  if (values.published && !existsSync(values.published)) throw new CommandUsageError(`--published: no file ${values.published}`);
  return { data, market, from, to, published: values.published, json: values.json ?? false, forecaster: values.forecaster === undefined ? undefined : forecasterOf(values.forecaster), faults: (values.fault ?? []).map(faultOf) };
}

function faultOf(text: string): FaultRule {
  return jsonOption('--fault', text, FaultRule, 'a feed fault');
}

/** An option's JSON value, checked against its schema; a usage error naming the option and the first violation. */
function jsonOption<T extends TSchema>(option: string, text: string, schema: T, what: string): Static<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CommandUsageError(`${option} must be JSON, not '${text}'`);
  }
  if (!Value.Check(schema, value)) {
    const first = Value.Errors(schema, value).First();
    throw new CommandUsageError(`${option} is not ${what} (${first ? `${first.path || '/'}: ${first.message}` : 'invalid'})`);
  }
  return value;
}

function day(option: string, value: string): string {
  if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new CommandUsageError(`${option} must be a day YYYY-MM-DD, not '${value}'`);
  }
  return value;
}

function forecasterOf(text: string): ForecasterConfig {
  const value = jsonOption('--forecaster', text, ForecasterConfig, 'a forecaster configuration');
  if (value.windows.length !== value.weights.length) throw new CommandUsageError(`--forecaster has ${value.windows.length} windows but ${value.weights.length} weights`);
  return value;
}

async function runBacktest(options: BacktestOptions, context: CommandContext): Promise<number> {
  const published = options.published === undefined ? undefined : readPublishedForecasts(options.published);
  // The feed server finds its files in the environment when the runtime starts; the user's own settings come back after.
  const saved = { files: process.env[MARKET_FILES_VARIABLE], replay: process.env[REPLAY_START_VARIABLE], feeds: process.env[FEEDS_BASE_VARIABLE] };
  const served = servedAs(options.data, options.market);
  process.env[MARKET_FILES_VARIABLE] = served.path;
  delete process.env[REPLAY_START_VARIABLE];
  // The first run, the day before the first forecast day, loads the history and forecasts that day. The
  // world starts an hour before it, so that an earlier schedule of that day (a Monday's retrain) does not run on an empty lake.
  const firstRun = addDays(options.from, -1);
  const stateTimes = new StateTimes();
  let local: LocalCommandHost | undefined;
  try {
    local = await context.startLocal({ clock: 'virtual', startAt: Date.parse(`${firstRun}T08:00:00Z`), onStateTimed: (timing) => stateTimes.add(timing) });
    if (options.forecaster) await approveChampion(local, options.market, options.forecaster);
    if (options.faults.length > 0) await injectFaults(local, options.faults);
    const timing = await driveDays(local, context, firstRun, options.to);
    for (const line of stateTimes.lines()) context.progress(line);
    // Time stands still while the lake is read: no next day's run starts under the queries.
    const release = local.hold();
    try {
      await reportFailures(local, context);
      return await report(local, context, options, published, timing);
    } finally {
      release();
    }
  } finally {
    await local?.close();
    restore(MARKET_FILES_VARIABLE, saved.files);
    restore(REPLAY_START_VARIABLE, saved.replay);
    restore(FEEDS_BASE_VARIABLE, saved.feeds);
    served.remove();
  }
}

/** The feed server names a market after its file: a file of another name is served through a link named after the market. */
function servedAs(data: string, market: string): { path: string; remove(): void } {
  if (marketOf(data) === market) return { path: data, remove: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'statecraft-backtest-'));
  const path = join(dir, `${market}.csv`);
  symlinkSync(data, path);
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function restore(variable: string, value: string | undefined): void {
  if (value === undefined) delete process.env[variable];
  else process.env[variable] = value;
}

/** Registered and approved while the clock holds, so the first scheduled run already forecasts with it. */
async function approveChampion(local: LocalCommandHost, market: string, forecaster: ForecasterConfig): Promise<void> {
  // Taken before the first await: the host hands the clock over only now.
  const release = local.hold();
  try {
    const models = registryOf(local);
    const name = energyModelName(market);
    const version = await models.register({ modelName: name, kind: ENERGY_MODEL_KIND, artefact: { bucket: DATA_BUCKET, key: `models/${name}.json` }, hyperparameters: forecaster, metrics: {}, executionArn: 'statecraft backtest energy' });
    await models.approve(name, version.version, 'the champion the backtest was asked to run');
  } finally {
    release();
  }
}

/** The runtime's model registry, through its S3 API as the tasks reach it. */
function registryOf(local: LocalCommandHost): ObjectStoreModelRegistry {
  return new ObjectStoreModelRegistry(new S3ObjectService(local.context.client(S3Client)), local.context.registry.modelRegistry, { now: () => new Date(local.now()) });
}

/** A task failure's cause is Lambda's error document (`errorMessage`, `trace`): its message is what a reader needs. */
function messageOf(cause: string | undefined): string {
  if (cause === undefined) return 'no cause';
  try {
    const document = JSON.parse(cause) as { errorMessage?: unknown };
    if (typeof document.errorMessage === 'string') return document.errorMessage;
  } catch {
    // Not JSON: a States error's plain cause.
  }
  return cause;
}

/** Added through the feed server's own route while the clock holds, so the first run already meets them. */
async function injectFaults(local: LocalCommandHost, faults: readonly FaultRule[]): Promise<void> {
  const release = local.hold();
  try {
    const base = process.env[FEEDS_BASE_VARIABLE];
    if (!base) throw new Error('The runtime serves no feeds: the energy package endpoint is not mounted.');
    for (const fault of faults) {
      const response = await fetch(new URL('faults', base.endsWith('/') ? base : `${base}/`), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
      if (!response.ok) throw new Error(`The feed server refused the fault ${JSON.stringify(fault)}: HTTP ${response.status} ${await response.text()}`);
    }
  } finally {
    release();
  }
}

export interface Timing {
  days: number;
  seconds: number;
}

const PROGRESS_EVERY_MS = 15_000;

/** Lets the schedules run each day in turn, telling progress as a bar on stderr. */
async function driveDays(local: LocalCommandHost, context: CommandContext, firstRun: string, lastRun: string): Promise<Timing> {
  const total = daysBetween(firstRun, lastRun) + 1;
  const step = Math.max(1, Math.floor(total / 20));
  const started = performance.now();
  let told = started;
  for (let done = 1; done <= total; done++) {
    const day = addDays(firstRun, done - 1);
    await local.sleepUntil(Date.parse(`${day}T${String(DAY_DONE_HOUR).padStart(2, '0')}:00:00Z`));
    // Every twentieth of the period, and at least every PROGRESS_EVERY_MS on a long one.
    if (done % step === 0 || done === total || performance.now() - told >= PROGRESS_EVERY_MS) {
      told = performance.now();
      const filled = Math.round((20 * done) / total);
      const perDay = (performance.now() - started) / 1000 / done;
      context.progress(`[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${done}/${total} days, through ${day}, ${perDay.toFixed(1)} s/day`);
    }
  }
  return { days: total, seconds: (performance.now() - started) / 1000 };
}

/** Failed runs shown one per line; past that many, only counted. */
const FAILURES_SHOWN = 10;

/**
 * Failed runs are part of the backtest (a day they did not forecast is missing from the metrics):
 * said, not hidden, each with its error and cause, since the runtime and its histories go when the
 * command ends.
 */
async function reportFailures(local: LocalCommandHost, context: CommandContext): Promise<void> {
  const sfn = local.context.client(SFNClient);
  const machines = (await sfn.send(new ListStateMachinesCommand({}))).stateMachines ?? [];
  for (const machine of machines) {
    const failed = (await sfn.send(new ListExecutionsCommand({ stateMachineArn: machine.stateMachineArn, statusFilter: 'FAILED' }))).executions ?? [];
    if (failed.length === 0) continue;
    context.progress(`${machine.name}: ${failed.length} failed run(s)`);
    for (const execution of [...failed].reverse().slice(0, FAILURES_SHOWN)) {
      const { error, cause } = await sfn.send(new DescribeExecutionCommand({ executionArn: execution.executionArn }));
      context.progress(`  started ${execution.startDate?.toISOString() ?? '?'}: ${error ?? 'no error'}: ${messageOf(cause).replace(/\s+/g, ' ').slice(0, 300)}`);
    }
    if (failed.length > FAILURES_SHOWN) context.progress(`  and ${failed.length - FAILURES_SHOWN} more`);
  }
}

async function report(local: LocalCommandHost, context: CommandContext, options: BacktestOptions, published: ReturnType<typeof readPublishedForecasts> | undefined, timing: Timing): Promise<number> {
  const lake = new AthenaLakeQueries(local.context.client(AthenaClient), { workGroup: 'primary', database: LAKE_DATABASE, outputLocation: `s3://${DATA_BUCKET}/backtest/query-results/`, pollMillis: 10 });
  const where = `market = '${options.market.replace(/'/g, "''")}' AND "date" BETWEEN '${options.from}' AND '${options.to}'`;
  const forecastRows = await lake.query(`SELECT "date", hour, p10, p50, p90 FROM energy_forecasts WHERE ${where}`);
  const forecasts = joinForecasts(forecastRows, priceOf(readMarketData(options.data)));
  if (forecasts.length === 0) throw new NoForecastsScored(`no day from ${options.from} to ${options.to} has both a published forecast and its prices in ${options.data}.`);
  const rows: BacktestRow[] = [{ name: 'statecraft', metrics: bandMetrics(forecasts) }, ...(published && options.published ? publishedRows(published, forecasts, options.published) : [])];
  const days = forecasts.length / 24;
  const retraining = retrainDecisions(await registryOf(local).list(energyModelName(options.market)));
  context.progress(`backtest: ${timing.days} days of runs in ${timing.seconds.toFixed(1)} s (${(timing.seconds / timing.days).toFixed(2)} s per day end to end)`);
  if (options.json) {
    context.print(`${JSON.stringify({ market: options.market, from: options.from, to: options.to, days, metrics: Object.fromEntries(rows.map((row) => [row.name, row.metrics])), retraining, forecasts })}\n`);
  } else {
    context.print(`${options.market}, ${options.from} .. ${options.to}: ${days} forecast days scored\n\n${metricsTable(rows)}\n${decisionLines(retraining).join('\n')}\n`);
  }
  return 0;
}

function priceOf(data: MarketData): (day: string, hour: number) => number | undefined {
  return (day, hour) => {
    const d = dayIndex(data, day);
    return d < 0 ? undefined : data.price[24 * d + hour];
  };
}

export class NoForecastsScored extends Error {
  override readonly name = 'NoForecastsScored';
}
