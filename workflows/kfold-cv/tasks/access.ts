/** The objects kfold-cv's tasks reach: uploaded datasets, and each run's artefacts (see artefacts.ts). */
import type { ObjectAccess, ObjectAccessMode } from '../../../src/services';
import { DATA_BUCKET } from '../../data-bucket';
import { RUNS_PREFIX } from './artefacts';

export const datasets = (access: ObjectAccessMode): ObjectAccess => ({ bucket: DATA_BUCKET, prefix: 'datasets/', access });
export const runs = (access: ObjectAccessMode): ObjectAccess => ({ bucket: DATA_BUCKET, prefix: RUNS_PREFIX, access });
