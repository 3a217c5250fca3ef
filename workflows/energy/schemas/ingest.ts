/** Payloads of `energy-ingest`: its input, what each task passes on, and the ForecastPublished event. */
import { Type, type Static } from '@sinclair/typebox';
import { ObjectRef } from '../../../src/services';
import { DAY_PATTERN } from '../feeds/feeds';
import { ForecasterConfig } from './model';

const Day = Type.String({ pattern: DAY_PATTERN, description: 'A delivery day, YYYY-MM-DD' });
const Market = Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$', description: "The market's name, as its feeds and market file name it" });
const FeedName = Type.Union([Type.Literal('prices'), Type.Literal('exog1'), Type.Literal('exog2')]);

export const IngestInput = Type.Object(
  {
    /** @default 'NP' */
    market: Type.Optional(Market),
    /** The delivery day to forecast. @default the day after `scheduledAt` (or after the clock's day) */
    date: Type.Optional(Day),
    /** When the daily rule fired (the Scheduled Event's `time`): the day after it is forecast. */
    scheduledAt: Type.Optional(Type.String()),
    /** Load the history again from this day up to the day before `date`, whatever the lake holds. */
    backfillFrom: Type.Optional(Day),
    /** How many days before `date` a historical load reaches. @default 1519 (the longest window, 56 calibration days and a week) */
    historyDays: Type.Optional(Type.Integer({ minimum: 8, maximum: 4000 })),
  },
  { additionalProperties: false },
);
export type IngestInput = Static<typeof IngestInput>;

export const IngestPlan = Type.Object({
  market: Type.String(),
  /** The delivery day forecast. */
  date: Day,
  /** Why history is fetched: none yet, asked for, or the daily append (with any missing day since). */
  load: Type.Union([Type.Literal('historical'), Type.Literal('backfill'), Type.Literal('daily')]),
  /** First day fetched; prices run to `lastPriceDay`, the exogenous forecasts to `date`. */
  from: Day,
  /** The day before `date`: the last day whose prices are out when the forecast is made. */
  lastPriceDay: Day,
  /** A historical load or a backfill accepts that the feeds start later than `from` (the market's first day). */
  historical: Type.Boolean(),
  /** Raw answers go under this time-stamped prefix. */
  rawPrefix: Type.String(),
  /** The champion, resolved once at the start so every step of the run uses the same one. */
  model: Type.String(),
  forecaster: ForecasterConfig,
  /** The first day the model's input reaches back to (windows and calibration days). */
  historyFrom: Day,
});
export type IngestPlan = Static<typeof IngestPlan>;

export const FetchFeedInput = Type.Object({
  market: Type.String(),
  feed: FeedName,
  from: Day,
  to: Day,
  historical: Type.Boolean(),
  rawPrefix: Type.String(),
});
export type FetchFeedInput = Static<typeof FetchFeedInput>;

export const FetchFeedOutput = Type.Object({
  feed: FeedName,
  /** The raw answer, as received. */
  raw: ObjectRef,
  first: Day,
  last: Day,
  days: Type.Integer(),
});
export type FetchFeedOutput = Static<typeof FetchFeedOutput>;

export const AppendHistoryInput = Type.Object({
  plan: IngestPlan,
  feeds: Type.Object({ prices: FetchFeedOutput, exog1: FetchFeedOutput, exog2: FetchFeedOutput }),
});
export type AppendHistoryInput = Static<typeof AppendHistoryInput>;

export const AppendHistoryOutput = Type.Object({
  /** Days written to energy_history (re-written days included: a re-run replaces, never duplicates). */
  appended: Type.Integer(),
  first: Day,
  last: Day,
  /** The exogenous forecasts for the forecast day, in energy_exogenous. */
  exogenousDay: Day,
});
export type AppendHistoryOutput = Static<typeof AppendHistoryOutput>;

export const BuildFeaturesInput = Type.Object({ plan: IngestPlan, executionName: Type.String() });
export const BuildFeaturesOutput = Type.Object({
  /** The hourly series the model reads: `{days, price, exog1, exog2}`, the forecast day last with no price. */
  series: ObjectRef,
  first: Day,
  days: Type.Integer(),
});
export type BuildFeaturesOutput = Static<typeof BuildFeaturesOutput>;

export const ForecastInput = Type.Object({ plan: IngestPlan, series: BuildFeaturesOutput });
export const ForecastOutput = Type.Object({
  market: Type.String(),
  date: Day,
  /** `<modelName>@<version>`, or `@default`. */
  model: Type.String(),
  /** The forecast as one JSON object under a time-stamped prefix. */
  location: ObjectRef,
  /** Calibration days forecast again because no stored forecast of this model covered them. */
  backcastDays: Type.Integer(),
});
export type ForecastOutput = Static<typeof ForecastOutput>;

export const ForecastPublishedDetail = Type.Object(
  {
    market: Type.String(),
    date: Day,
    model: Type.String(),
    location: ObjectRef,
  },
  { additionalProperties: false },
);
export type ForecastPublishedDetail = Static<typeof ForecastPublishedDetail>;

export const IngestOutput = ForecastPublishedDetail;
