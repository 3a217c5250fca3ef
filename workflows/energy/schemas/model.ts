/**
 * What an energy model version is. LEAR recalibrates every day, so a version is not weights: it is
 * the configuration the daily forecast runs — the calibration windows, the ensemble's weights and
 * the band's calibration. The champion is a market's latest approved version in the model registry
 * (model name `energy-<market>`, kind `lear-ensemble`); before any is approved, DEFAULT_FORECASTER.
 */
import { Type, type Static } from '@sinclair/typebox';

export const ENERGY_MODEL_KIND = 'lear-ensemble';

export const BandConfig = Type.Object(
  {
    method: Type.Union([Type.Literal('conformal'), Type.Literal('empirical')]),
    /** Days of past residuals the quantiles come from. */
    calibrationDays: Type.Integer({ minimum: 7, maximum: 1456 }),
    /** Conformal only: days whose mean absolute error enters the scale, and its weight. */
    recentDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    recentWeight: Type.Optional(Type.Number({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type BandConfig = Static<typeof BandConfig>;

export const ForecasterConfig = Type.Object(
  {
    /** LEAR calibration windows in days, one ensemble member each. */
    windows: Type.Array(Type.Integer({ minimum: 28, maximum: 2184 }), { minItems: 1, maxItems: 8 }),
    /** The members' weights in the ensemble mean, same order; they sum to 1. */
    weights: Type.Array(Type.Number({ minimum: 0, maximum: 1 }), { minItems: 1, maxItems: 8 }),
    band: BandConfig,
  },
  { additionalProperties: false },
);
export type ForecasterConfig = Static<typeof ForecasterConfig>;

/** The benchmark's LEAR ensemble with the calibrated band: what runs before a version is approved. */
export const DEFAULT_FORECASTER: ForecasterConfig = {
  windows: [56, 84, 1092, 1456],
  weights: [0.25, 0.25, 0.25, 0.25],
  band: { method: 'conformal', calibrationDays: 56, recentDays: 7, recentWeight: 0.5 },
};

export function energyModelName(market: string): string {
  return `energy-${market}`;
}
