/** The modules whose exports tasks run through `services.compute`; bundled into each function. */
import * as kfoldCompute from '../../tasks/kfold/compute';
import type { JobModule } from '../../tasks/runtime/aws/in-process-compute';

export const jobModules: readonly JobModule[] = [kfoldCompute];
