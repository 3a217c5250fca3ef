/**
 * WaitForLabels (a `.waitForTaskToken` task): opens the labeling job — a record under
 * `brand/labeling/jobs/` with the manifest and the task token — and returns; the run waits until the
 * labeling page, or anyone holding the token, calls SendTaskSuccess with the boxes' location
 * ({@link LabelsSubmitted}), sends heartbeats while people work, or the timeout ends it.
 */
import { defineTask } from '../../../src/builder';
import { Type } from '@sinclair/typebox';
import { WaitForLabelsInput } from '../schemas';
import { labelingJobs, LABELING_JOBS } from './access';

export const labelingJobKey = (jobName: string) => `${LABELING_JOBS}jobs/${jobName}.json`;

export interface LabelingJob {
  jobName: string;
  status: 'InProgress';
  manifest: { bucket: string; key: string };
  labels: string[];
  taskToken: string;
  createdAt: string;
}

export const WaitForLabels = defineTask({
  name: 'brand-wait-for-labels',
  input: WaitForLabelsInput,
  output: Type.Object({ jobName: Type.String() }),
  access: { objects: [labelingJobs('write')] },
  run: async ({ manifest, jobName, taskToken, labels }, { objects, clock }) => {
    const job: LabelingJob = { jobName, status: 'InProgress', manifest, labels, taskToken, createdAt: clock.now().toISOString() };
    await objects.putText({ bucket: manifest.bucket, key: labelingJobKey(jobName) }, JSON.stringify(job), 'application/json');
    return { jobName };
  },
});
