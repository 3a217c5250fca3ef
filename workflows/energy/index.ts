/**
 * The energy package: day-ahead price forecasting. This part holds the retraining loop —
 * energy-score (on ForecastPublished) and energy-retrain (weekly and on AccuracyDegraded) — and
 * the lake tables they read and write.
 */
import { defineWorkflowPackage } from '../../src/builder';
import { dataBucket } from '../data-bucket';
import { energyRetrain } from './retrain';
import { RETRAIN_RULES } from './retrain-rules';
import { energyScore } from './score';
import { scoresTable } from './scores-table';
import { ENERGY_TABLES } from './tables';

export const energyPackage = defineWorkflowPackage({
  module: __filename,
  workflows: [energyScore, energyRetrain],
  rules: [...RETRAIN_RULES],
  buckets: [dataBucket],
  tables: [...ENERGY_TABLES, scoresTable],
});

export { energyRetrain, ModelPromoted } from './retrain';
export { energyScore, AccuracyDegraded } from './score';
