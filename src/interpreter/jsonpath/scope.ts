import type { Json } from '../../asl/json';

/**
 * Where generated values come from, so that a replayed execution can reproduce them.
 * Defaults to crypto UUIDs and Math.random when absent.
 */
export interface Entropy {
  uuid(): string;
  /** A float in [0, 1), like Math.random. */
  random(): number;
}

/**
 * What a JSONPath expression can see. `variables` may be a prototype-chained object (Assign scopes):
 * names are looked up with `in`/indexing, never Object.keys/hasOwnProperty.
 */
export interface PathScope {
  input: Json;
  context: Json;
  variables: Readonly<Record<string, Json>>;
  /** Source of States.UUID and unseeded States.MathRandom values. */
  entropy?: Entropy;
}
