// Proves: an emitted event's detail must match the event's detail schema.
import { defineWorkflow } from '../../../src/builder';
import { DatasetInput, ModelRegistered } from '../../builder/fixtures';

export const wf = defineWorkflow({ name: 'emit', input: DatasetInput }, (start) =>
  start
    // @expect-error: modelVersion must be a number
    .emit('Announce', { event: ModelRegistered, detail: (s) => ({ modelVersion: s.input.dataset.key, executionArn: s.context.Execution.Id }) })
    .end(),
);
