/**
 * kfold-cv's pictures in the web console. A temporary home: they move into the kfold workflow's
 * package with the rest of it.
 */
import { join } from 'node:path';
import type { ResultView } from '../../src/console';

export const kfoldResultViews: ResultView[] = [{ workflow: 'kfold-cv', title: 'Cross-validation scores', module: join(__dirname, 'result-view.js') }];
