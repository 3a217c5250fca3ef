/** Payload schemas of the energy workflows. */
export * from './model';
export * from './ingest';
