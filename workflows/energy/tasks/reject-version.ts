/** RejectVersion: the challenger is recorded all the same, rejected with the reason, so the registry shows every decision. */
import { defineTask } from '../../../src/builder';
import type { ForecasterConfig } from '../schemas/model';
import { RecordInput, RecordOutput } from '../schemas/retrain';
import { retrainRuns } from './access';
import { registerChallenger } from './record-version';

export const RejectVersion = defineTask({
  name: 'energy-retrain-reject',
  input: RecordInput,
  output: RecordOutput,
  access: { modelRegistry: true, objects: [retrainRuns('write')] },
  run: async (input, { objects, models }) => {
    const version = await registerChallenger(objects, models, input);
    const rejected = await models.reject(version.modelName, version.version, `Champion kept: ${input.decision.reason}`);
    return { modelName: rejected.modelName, version: rejected.version, status: rejected.status, reason: rejected.statusReason ?? '', config: rejected.hyperparameters as ForecasterConfig };
  },
});
