/** energy-score's and energy-retrain's inputs, task payloads and events. */
import { Type, type Static } from '@sinclair/typebox';
import { ObjectRef } from '../../../src/services';
import { CandidateSpec } from './candidate';
import { ForecasterConfig } from './model';

/** A market's name: it becomes a partition value and a SQL literal, so only safe characters. */
export const Market = Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$', default: 'NP' });
export const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const Metrics = Type.Object({
  mae: Type.Number(),
  smape: Type.Number(),
  rmse: Type.Number(),
  pinball: Type.Number(),
  coverage: Type.Number(),
  days: Type.Integer(),
});
export type Metrics = Static<typeof Metrics>;

export const DriftSettings = Type.Object(
  {
    recentDays: Type.Integer({ minimum: 1, maximum: 90, default: 7 }),
    referenceDays: Type.Integer({ minimum: 1, maximum: 365, default: 28 }),
    threshold: Type.Number({ minimum: 0, default: 0.25 }),
  },
  { additionalProperties: false },
);

export const Drift = Type.Object({
  degraded: Type.Boolean(),
  rollingMae: Type.Optional(Type.Number()),
  referenceMae: Type.Optional(Type.Number()),
  ratio: Type.Optional(Type.Number()),
  reason: Type.String(),
});

export const ScoreInput = Type.Object({ market: Market, drift: Type.Optional(Type.Partial(DriftSettings)) }, { additionalProperties: false });
export const ScoreOutput = Type.Object({ market: Market, scoredDays: Type.Array(Day), drift: Drift });
export type ScoreOutput = Static<typeof ScoreOutput>;

export const AccuracyDegradedDetail = Type.Object({ market: Market, rollingMae: Type.Number(), referenceMae: Type.Number(), ratio: Type.Number(), reason: Type.String() });


export const RetrainInput = Type.Object(
  {
    market: Market,
    /** What started the run: the weekly schedule, AccuracyDegraded, or a person. */
    trigger: Type.Optional(Type.String()),
    /** Days right before the decision the candidates and the champion are compared on. */
    backtestDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 28 })),
    /** Days before those that choose each candidate's windows and weights. */
    fitDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 28 })),
    /** Relative MAE gain a challenger needs to be promoted. */
    margin: Type.Optional(Type.Number({ minimum: 0, maximum: 1, default: 0.01 })),
    /** The calibration windows candidates choose from. @default WINDOW_POOL */
    windows: Type.Optional(Type.Array(Type.Integer({ minimum: 8, maximum: 2184 }), { minItems: 1, maxItems: 16 })),
    /** The candidates; @default the default space over `windows`. */
    candidates: Type.Optional(Type.Array(CandidateSpec, { minItems: 1 })),
  },
  { additionalProperties: false },
);
export type RetrainInput = Static<typeof RetrainInput>;

export const Champion = Type.Object({ version: Type.Union([Type.Integer(), Type.Null()]), config: ForecasterConfig });

/** Span-relative days, as lib/retrain-decision plans them. */
export const Plan = Type.Object({ fitFrom: Type.Integer(), fitTo: Type.Integer(), backtestFrom: Type.Integer(), backtestTo: Type.Integer() });

export const Span = Type.Object({
  /** The first and last day whose member forecasts the decision reads. */
  from: Day,
  to: Day,
  /** The decision day: the first day without a price in the lake. */
  decisionDay: Day,
});
export type Span = Static<typeof Span>;

/** A Map item of the backtest: a candidate rule, or the champion's fixed config. */
export const BacktestItem = Type.Object({ candidate: Type.Optional(CandidateSpec), champion: Type.Optional(ForecasterConfig) });

export const PlanInput = Type.Object({ input: RetrainInput, executionName: Type.String() });
export const PlanOutput = Type.Object({
  market: Market,
  modelName: Type.String(),
  champion: Champion,
  span: Span,
  plan: Plan,
  windows: Type.Array(Type.Integer()),
  candidates: Type.Array(CandidateSpec),
  /** The backtest Map's items: the champion, then every candidate. */
  items: Type.Array(BacktestItem),
  runPrefix: Type.String(),
  history: Type.Object({ location: ObjectRef, fingerprint: Type.String() }),
  /** The span's actual prices, `day·24 + hour` (a JSON array), read once here for every backtest item. */
  actual: ObjectRef,
  margin: Type.Number(),
  fitDays: Type.Integer(),
});
export type PlanOutput = Static<typeof PlanOutput>;

export const TrainMemberInput = Type.Object({ market: Market, window: Type.Integer(), span: Span, runPrefix: Type.String() });
export const TrainMemberOutput = Type.Object({ window: Type.Integer(), forecasts: ObjectRef, computedDays: Type.Integer(), cachedDays: Type.Integer() });

export const BacktestInput = Type.Object({ market: Market, span: Span, plan: Plan, fitDays: Type.Integer(), runPrefix: Type.String(), actual: ObjectRef, item: BacktestItem });
export const BacktestOutput = Type.Object({
  name: Type.String(),
  isChampion: Type.Boolean(),
  config: ForecasterConfig,
  /** The config the candidate would run from the decision day: its rule refitted on the latest days. */
  refit: ForecasterConfig,
  metrics: Metrics,
});
export type BacktestOutput = Static<typeof BacktestOutput>;

export const DecideInput = Type.Object({ results: Type.Array(BacktestOutput), margin: Type.Number() });
export const DecideOutput = Type.Object({
  promote: Type.Boolean(),
  reason: Type.String(),
  challenger: BacktestOutput,
  championMetrics: Metrics,
  ranking: Type.Array(Type.Object({ name: Type.String(), mae: Type.Number(), pinball: Type.Number(), coverage: Type.Number() })),
});
export type DecideOutput = Static<typeof DecideOutput>;

export const RecordInput = Type.Object({
  plan: PlanOutput,
  decision: DecideOutput,
  executionArn: Type.String(),
});
export const RecordOutput = Type.Object({ modelName: Type.String(), version: Type.Integer(), status: Type.String(), reason: Type.String(), config: ForecasterConfig });

export const ModelPromotedDetail = Type.Object({
  market: Market,
  modelName: Type.String(),
  version: Type.Integer(),
  config: ForecasterConfig,
  backtestMae: Type.Number(),
  championMae: Type.Optional(Type.Number()),
  reason: Type.String(),
  executionArn: Type.String(),
});

export const RetrainOutput = Type.Object({
  status: Type.Union([Type.Literal('Promoted'), Type.Literal('ChampionKept')]),
  market: Market,
  score: ScoreOutput,
  decision: DecideOutput,
  version: RecordOutput,
});
