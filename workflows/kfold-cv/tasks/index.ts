/** The kfold-cv task handlers, for hosts that run them in-process. */
import type { AnyTaskHandler } from '../../../src/services/task-handler';
import { aggregate } from './aggregate';
import { fitFinal } from './fit-final';
import { proposeCandidates } from './propose-candidates';
import { registerModel } from './register-model';
import { selectBest } from './select-best';
import { split } from './split';
import { trainFold } from './train-fold';

export const kfoldHandlers: AnyTaskHandler[] = [split, proposeCandidates, trainFold, aggregate, selectBest, fitFinal, registerModel];
