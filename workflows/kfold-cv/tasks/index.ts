/** The kfold-cv tasks, in the order a run calls them. */
export { Split } from './split';
export { ProposeCandidates } from './propose-candidates';
export { TrainFold } from './train-fold';
export { Aggregate } from './aggregate';
export { SelectBest } from './select-best';
export { FitFinal } from './fit-final';
export { RegisterModel } from './register-model';
