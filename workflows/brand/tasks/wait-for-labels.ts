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

export const LABELING_JOBS_PREFIX = `${LABELING_JOBS}jobs/`;
export const labelingJobKey = (jobName: string) => `${LABELING_JOBS_PREFIX}${jobName}.json`;
/** Boxes drawn so far, saved as people work so a reload loses nothing; beside the job. */
export const labelingDraftKey = (jobName: string) => `${LABELING_JOBS}drafts/${jobName}.json`;
/** The submitted boxes, a Ground Truth output manifest (what CollectAnnotations reads). */
export const labelingOutputKey = (jobName: string) => `${LABELING_JOBS}output/${jobName}.manifest`;

export interface LabelingJob {
  jobName: string;
  /** The labeling page sets Completed once it has sent the labels back. */
  status: 'InProgress' | 'Completed';
  manifest: { bucket: string; key: string };
  labels: string[];
  taskToken: string;
  createdAt: string;
  executionArn: string;
  heartbeatSeconds: number;
  draft: { bucket: string; key: string };
  output: { bucket: string; key: string };
  submittedAt?: string;
}

export const WaitForLabels = defineTask({
  name: 'brand-wait-for-labels',
  input: WaitForLabelsInput,
  output: Type.Object({ jobName: Type.String() }),
  access: { objects: [labelingJobs('write')] },
  run: async ({ manifest, jobName, taskToken, labels, executionArn, heartbeatSeconds }, { objects, clock }) => {
    const job: LabelingJob = {
      jobName,
      status: 'InProgress',
      manifest,
      labels,
      taskToken,
      createdAt: clock.now().toISOString(),
      executionArn,
      heartbeatSeconds,
      draft: { bucket: manifest.bucket, key: labelingDraftKey(jobName) },
      output: { bucket: manifest.bucket, key: labelingOutputKey(jobName) },
    };
    await objects.putText({ bucket: manifest.bucket, key: labelingJobKey(jobName) }, JSON.stringify(job), 'application/json');
    return { jobName };
  },
});
