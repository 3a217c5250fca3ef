/** The modules whose exports tasks run through `services.compute`; bundled into each function. */
import * as kfoldCompute from '../../workflows/kfold-cv/tasks/compute';
import type { JobModule } from '../../src/services/aws/in-process-compute';

export const jobModules: readonly JobModule[] = [kfoldCompute];
