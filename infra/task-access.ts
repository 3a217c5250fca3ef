/**
 * What each deployed task touches on AWS. Task definitions say what a handler takes and returns,
 * not what it reaches, so the access lives here, keyed by task name; the stack refuses to deploy a
 * task missing from this table rather than guess.
 */
import { DATA_BUCKET } from '../workflows/registry';
import type { TaskAccess } from '../src/services/access';

/** Where kfold-cv keeps each run's prepared dataset, folds and model (see tasks/kfold/artefacts.ts). */
const KFOLD_RUNS = 'runs/kfold-cv/';

export const taskAccess: Readonly<Record<string, TaskAccess>> = {
  'kfold-split': {
    objects: [
      { bucket: DATA_BUCKET, prefix: 'datasets/', access: 'read' },
      { bucket: DATA_BUCKET, prefix: KFOLD_RUNS, access: 'write' },
    ],
  },
  'kfold-propose-candidates': {},
  'kfold-train-fold': { objects: [{ bucket: DATA_BUCKET, prefix: KFOLD_RUNS, access: 'read' }] },
  'kfold-aggregate': {},
  // Writes the search report (every candidate's fold scores) beside the run's folds.
  'kfold-select-best': { objects: [{ bucket: DATA_BUCKET, prefix: KFOLD_RUNS, access: 'write' }] },
  'kfold-fit-final': { objects: [{ bucket: DATA_BUCKET, prefix: KFOLD_RUNS, access: 'read-write' }] },
  'kfold-register-model': { modelRegistry: true },
};
