/** Type-level plumbing shared by the builder: terminals, state references, variable scopes. */

/** Flattens an intersection so hovers and errors show one object type. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** Variables after a state assigns `A` over `V`: a reassigned name takes its new type. */
export type Merge<V, A> = Simplify<{ [K in keyof V as K extends keyof A ? never : K]: V[K] } & A>;

/**
 * The end of a path: after Succeed, Fail, `end()`, `goto()` or a closed Choice. It has no methods,
 * so nothing can follow it; `O` is the output the path can end with.
 */
export interface Terminal<O> {
  readonly terminal: true;
  /** Type-level only: the output this path ends with. */
  readonly __output?: O;
}

export type OutputOf<T> = T extends Terminal<infer O> ? O : never;

/**
 * A named state that other paths can jump to (loops, a shared clean-up state, Catch targets).
 * Declare it with {@link stateRef}, define the state by passing the ref as its name, and `goto` it.
 * A path may jump to it only if its payload is assignable to `P` and its variables to `V`.
 */
export interface StateRef<P, V = {}> {
  readonly name: string;
  /** Type-level only: contravariant in P and V, so only compatible paths can jump here. */
  readonly __accepts?: (payload: P, vars: V) => void;
}

/**
 * Declares a state that is reached from more than one place.
 * @example
 * const stopModel = stateRef<{ modelArn: string }>('StopModel');
 * flow.task('DetectLogos', { …, catch: (c) => [c.to(['States.ALL'], { output: (s) => ({ modelArn: s.input.modelArn }) }, stopModel)] })
 *     .task(stopModel, { … })
 */
export function stateRef<P, V = {}>(name: string): StateRef<P, V> {
  return { name };
}

/** A state's name: a string, or a {@link StateRef} the current path may enter. */
export type StateName<P, V> = string | StateRef<P, V>;

