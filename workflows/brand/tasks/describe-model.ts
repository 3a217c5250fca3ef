/**
 * DescribeModel: the model server's status. A STARTING server loads the detector into the compute
 * workers and becomes RUNNING (or FAILED, with the reason); the workflow polls this with Wait + Choice.
 */
import { defineTask } from '../../../src/builder';
import { loadModelJob } from '../jobs';
import { ModelServerInput, ModelStatusOutput } from '../schemas';
import { analysisRuns, trainingRuns } from './access';
import { readModel } from './detect-images';
import { readServer, setStatus } from './model-server';

export const DescribeModel = defineTask({
  name: 'brand-describe-model',
  input: ModelServerInput,
  output: ModelStatusOutput,
  access: { objects: [analysisRuns('read-write'), trainingRuns('read')] },
  run: async ({ server }, { objects, compute, clock }) => {
    let record = await readServer(objects, server);
    if (record.status === 'STARTING') {
      try {
        await compute.run(loadModelJob, await readModel(objects, record.artefact));
        record = await setStatus(objects, record, 'RUNNING', clock.now());
      } catch (err) {
        record = await setStatus(objects, record, 'FAILED', clock.now(), `The model could not be loaded: ${(err as Error).message}`);
      }
    }
    return { status: record.status, ...(record.statusMessage && { statusMessage: record.statusMessage }) };
  },
});
