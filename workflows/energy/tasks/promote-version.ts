/** PromoteVersion: the challenger becomes a version, approved with the decision's reason: the next champion. */
import { defineTask } from '../../../src/builder';
import type { ForecasterConfig } from '../schemas/model';
import { RecordInput, RecordOutput } from '../schemas/retrain';
import { retrainRuns } from './access';
import { registerChallenger } from './record-version';

export const PromoteVersion = defineTask({
  name: 'energy-retrain-promote',
  input: RecordInput,
  output: RecordOutput,
  access: { modelRegistry: true, objects: [retrainRuns('write')] },
  run: async (input, { objects, models }) => {
    const version = await registerChallenger(objects, models, input);
    const approved = await models.approve(version.modelName, version.version, `Promoted: ${input.decision.reason}`);
    return { modelName: approved.modelName, version: approved.version, status: approved.status, reason: approved.statusReason ?? '', config: approved.hyperparameters as ForecasterConfig };
  },
});
