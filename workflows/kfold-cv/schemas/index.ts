/** Payload schemas of the kfold-cv workflow: its input and output, its tasks, its events, its registry records. */
export * from './input';
export * from './candidates';
export * from './registry';
export * from './tasks';
export * from './events';
export * from './output';
