/** The Glue Data Catalog and Athena on the local endpoint: pass both to `createServer`'s `targets`. */
import type { Lake } from '../../lake';
import type { TargetHandler } from '../server';
import { ATHENA_TARGET_PREFIX, createAthenaHandler } from './athena-handler';
import { GLUE_TARGET_PREFIX, createGlueHandler } from './glue-handler';

export { ATHENA_TARGET_PREFIX, GLUE_TARGET_PREFIX, createAthenaHandler, createGlueHandler };

export function lakeTargets(lake: Lake): Record<string, TargetHandler> {
  return { [GLUE_TARGET_PREFIX]: createGlueHandler(lake.catalog), [ATHENA_TARGET_PREFIX]: createAthenaHandler(lake.athena) };
}
