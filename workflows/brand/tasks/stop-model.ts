/**
 * StopModel: STOPPING, the workers forget the model, STOPPED. Runs on success and after any failure
 * once the model started, so nothing is left running; stopping a stopped server is a no-op.
 */
import { defineTask } from '../../../src/builder';
import { unloadModelJob } from '../jobs';
import { ModelServerInput, ModelStatusOutput } from '../schemas';
import { analysisRuns } from './access';
import { readServer, setStatus } from './model-server';

export const StopModel = defineTask({
  name: 'brand-stop-model',
  input: ModelServerInput,
  output: ModelStatusOutput,
  access: { objects: [analysisRuns('read-write')] },
  run: async ({ server }, { objects, compute, clock }) => {
    let record = await readServer(objects, server);
    if (record.status === 'STOPPED') return { status: record.status };
    record = await setStatus(objects, record, 'STOPPING', clock.now());
    await compute.run(unloadModelJob, { modelId: `${record.artefact.bucket}/${record.artefact.key}` });
    record = await setStatus(objects, record, 'STOPPED', clock.now());
    return { status: record.status };
  },
});
