/**
 * energy-score (on every ForecastPublished): scores the published forecasts whose prices are now in
 * the lake, stores the scores in energy_scores, and emits AccuracyDegraded when the rolling MAE has
 * drifted beyond the threshold (lib/drift.ts defines it), which starts energy-retrain.
 *
 * A state machine of its own rather than a step of energy-ingest: scoring is what the retraining
 * loop needs, the ingest engineer's workflow stays about data, and a scoring failure never fails an
 * ingestion (nor the reverse).
 */
import { defineEvent, defineWorkflow } from '../../src/builder';
import { AccuracyDegradedDetail, ScoreInput, ScoreOutput } from './schemas/retrain';
import { ScoreForecasts } from './tasks/score-forecasts';

export const AccuracyDegraded = defineEvent({ source: 'statecraft.energy-score', detailType: 'AccuracyDegraded', detail: AccuracyDegradedDetail });

export const energyScore = defineWorkflow(
  { name: 'energy-score', input: ScoreInput, output: ScoreOutput, comment: 'Score published energy forecasts against actual prices; flag accuracy drift' },
  (start) =>
    start
      .task('ScoreForecasts', { task: ScoreForecasts, arguments: (s) => s.input })
      .choice('Degraded?', (c) =>
        c
          .when(
            (s) => s.input.drift.degraded,
            (yes) =>
              yes
                .emit('EmitAccuracyDegraded', {
                  event: AccuracyDegraded,
                  detail: (s) => ({ market: s.input.market, // Degraded implies the three figures exist (lib/drift.ts).
                  rollingMae: s.input.drift.rollingMae as number, referenceMae: s.input.drift.referenceMae as number, ratio: s.input.drift.ratio as number, reason: s.input.drift.reason }),
                })
                .succeed('Degraded'),
          )
          .otherwise((no) => no.succeed('Scored')),
      ),
);
