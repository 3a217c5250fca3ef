/**
 * The kfold-cv tasks as the workflow and infrastructure see them: name, typed input/output, handler
 * module, retries. Handlers live beside this file, one per task.
 */
import type { Retrier } from '../../../src/asl/definition';
import { defineTask } from '../../../src/builder';
import * as S from '../schemas';

/** Errors worth retrying: Lambda's own transient failures and a crashed compute worker; never a bad dataset. */
const transient: Retrier[] = [
  {
    ErrorEquals: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException', 'ComputeWorkerError'],
    IntervalSeconds: 1,
    MaxAttempts: 3,
    BackoffRate: 2,
  },
];

export const Split = defineTask({ name: 'kfold-split', input: S.SplitInput, output: S.SplitOutput, handler: 'tasks/kfold/split.ts', retry: transient });
export const ProposeCandidates = defineTask({ name: 'kfold-propose-candidates', input: S.ProposeInput, output: S.ProposeOutput, handler: 'tasks/kfold/propose-candidates.ts' });
export const TrainFold = defineTask({ name: 'kfold-train-fold', input: S.TrainFoldInput, output: S.TrainFoldOutput, handler: 'tasks/kfold/train-fold.ts', retry: transient, memoryMb: 1024 });
export const Aggregate = defineTask({ name: 'kfold-aggregate', input: S.AggregateInput, output: S.AggregateOutput, handler: 'tasks/kfold/aggregate.ts' });
export const SelectBest = defineTask({ name: 'kfold-select-best', input: S.SelectBestInput, output: S.SelectBestOutput, handler: 'tasks/kfold/select-best.ts' });
export const FitFinal = defineTask({ name: 'kfold-fit-final', input: S.FitFinalInput, output: S.FitFinalOutput, handler: 'tasks/kfold/fit-final.ts', retry: transient, memoryMb: 1024 });
export const RegisterModel = defineTask({ name: 'kfold-register-model', input: S.RegisterModelInput, output: S.RegisterModelOutput, handler: 'tasks/kfold/register-model.ts', retry: transient });
