/**
 * A retrain candidate: a rule that makes a ForecasterConfig from recent days — which windows (all
 * of a set, or the `keep` best on the fitting days), how they are weighted, how the band is calibrated.
 */
import { Type, type Static } from '@sinclair/typebox';
import { BandConfig } from './model';

export const Weighting = Type.Union([Type.Literal('equal'), Type.Literal('inverse-mae'), Type.Literal('inverse-mse')]);
export type Weighting = Static<typeof Weighting>;

export const CandidateSpec = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    /** The windows the candidate may use. */
    windows: Type.Array(Type.Integer({ minimum: 8, maximum: 2184 }), { minItems: 1, maxItems: 16 }),
    /** Keep only this many, those with the lowest MAE on the fitting days. @default all */
    keep: Type.Optional(Type.Integer({ minimum: 1 })),
    weighting: Weighting,
    band: BandConfig,
  },
  { additionalProperties: false },
);
export type CandidateSpec = Static<typeof CandidateSpec>;
