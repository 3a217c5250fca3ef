export * from './common';
export * from './training';
export * from './analysis';
