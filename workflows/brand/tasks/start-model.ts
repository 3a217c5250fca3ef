/**
 * StartModel: resolves the model version (the one given, else the latest approved version of the
 * model named after the upload's project) and records a STARTING model server for this run.
 */
import { defineTask } from '../../../src/builder';
import { TaskFailure, type ModelRegistryService, type ModelVersion } from '../../../src/services';
import { isDetectorKind } from '../lib/detector/kind';
import { StartModelInput, StartModelOutput } from '../schemas';
import { analysisRuns, ANALYSIS_UPLOADS } from './access';
import { writeServer } from './model-server';

export const StartModel = defineTask({
  name: 'brand-start-model',
  input: StartModelInput,
  output: StartModelOutput,
  access: { objects: [analysisRuns('write')], modelRegistry: true },
  run: async ({ video, model, runPrefix }, { objects, models, clock }) => {
    const version = await resolveModel(models, model, video.key);
    const record = {
      server: { bucket: video.bucket, key: `${runPrefix}model-server.json` },
      modelName: version.modelName,
      version: version.version,
      artefact: version.artefact,
      status: 'STARTING' as const,
      updatedAt: clock.now().toISOString(),
    };
    await writeServer(objects, record);
    const { updatedAt: _, ...output } = record;
    return output;
  },
});

/** The version given, else the latest approved one; `key` names the project when no model is given. */
export async function resolveModel(models: ModelRegistryService, choice: { name: string; version?: number } | null, key: string): Promise<ModelVersion> {
  const name = choice?.name ?? projectOf(key);
  const versions = (await models.list(name)).filter((v) => isDetectorKind(v.kind));
  const found = choice?.version !== undefined ? versions.find((v) => v.version === choice.version) : [...versions].reverse().find((v) => v.status === 'Approved');
  if (!found) {
    const wanted = choice?.version !== undefined ? `version ${choice.version}` : 'an approved version';
    throw new TaskFailure('ModelNotFound', `The model registry has no logo-detector ${name} with ${wanted}.`);
  }
  return found;
}

function projectOf(key: string): string {
  const rest = key.startsWith(ANALYSIS_UPLOADS) ? key.slice(ANALYSIS_UPLOADS.length) : '';
  if (!rest.includes('/')) throw new TaskFailure('ModelNotFound', `No model given, and ${key} is not under ${ANALYSIS_UPLOADS}<project>/ to name one.`);
  return rest.split('/')[0]!;
}
