/** Compile-time assertions for type tests: `Expect<Equal<A, B>>` fails to compile unless A and B are identical. */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export type Expect<T extends true> = T;

/** Records the type of a value at a point in a chain, for `Expect<Equal<…>>`. */
export function typeOf<T>(_value: T): T {
  return undefined as T;
}
