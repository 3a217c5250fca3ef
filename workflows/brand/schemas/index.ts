export * from './common';
export * from './training';
export * from './analysis';
export * from './evaluation';
