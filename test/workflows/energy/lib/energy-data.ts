/** Where the benchmark's files are: `shared/data/energy/` beside the repository. */
import { resolve } from 'node:path';

export const ENERGY_DATA = resolve(__dirname, '../../../../../shared/data/energy');
export const NP_CSV = resolve(ENERGY_DATA, 'NP.csv');
export const NP_PUBLISHED = resolve(ENERGY_DATA, 'Forecasts_NP_DNN_LEAR_ensembles.csv');
