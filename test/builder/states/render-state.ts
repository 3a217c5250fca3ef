/** Renders one state of a small workflow in a given query language, for the per-state tests. */
import type { TSchema } from '@sinclair/typebox';
import type { QueryLanguage } from '../../../src/asl/definition';
import { defineWorkflow, type Flow, type Terminal } from '../../../src/builder';
import type { Static } from '@sinclair/typebox';

export function renderState<IS extends TSchema>(
  input: IS,
  queryLanguage: QueryLanguage,
  build: (start: Flow<Static<IS>, {}>) => Terminal<unknown>,
  state: string,
): unknown {
  return defineWorkflow({ name: 'one-state', input, queryLanguage }, build).definition().States[state];
}

/** The whole rendered document, for states whose neighbours matter (branches, catch targets). */
export function renderDocument<IS extends TSchema>(input: IS, queryLanguage: QueryLanguage, build: (start: Flow<Static<IS>, {}>) => Terminal<unknown>): unknown {
  return defineWorkflow({ name: 'one-state', input, queryLanguage }, build).definition();
}
