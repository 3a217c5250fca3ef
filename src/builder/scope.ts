/**
 * What an accessor function receives: typed views of `$states.input`, `$states.result`,
 * `$states.errorOutput`, the context object and the variables in scope. At build time each view is a
 * recording proxy (see expression.ts); its static type is what makes a wrong field a compile error.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html
 */
import { recordingProxy } from './expression';

/** The context object (`$states.context` in JSONata, `$$` in JSONPath). */
export interface ContextObject {
  readonly Execution: {
    readonly Id: string;
    readonly Name: string;
    readonly StartTime: string;
    readonly RoleArn: string;
    readonly Input: unknown;
    readonly RedriveCount: number;
  };
  readonly State: { readonly Name: string; readonly EnteredTime: string; readonly RetryCount: number };
  readonly StateMachine: { readonly Id: string; readonly Name: string };
  /** Only set in `.waitForTaskToken` tasks. */
  readonly Task: { readonly Token: string };
}

/** The error output a Catch receives. */
export interface ErrorOutput {
  Error: string;
  Cause: string;
}

/** `P`: the state's input; `V`: the variables in scope (name → type). */
export interface Scope<P, V> {
  readonly input: P;
  readonly vars: V;
  readonly context: ContextObject;
}

/** Scope of Output and Assign of a state that produces a result (Task, Map, Parallel). */
export interface ResultScope<P, R, V> extends Scope<P, V> {
  readonly result: R;
}

/** Scope of a Catch's Output and Assign. */
export interface ErrorScope<P, V> extends Scope<P, V> {
  readonly errorOutput: ErrorOutput;
}

/** Scope of a Map's ItemSelector: the current item and its index. */
export interface ItemScope<P, T, V> extends Scope<P, V> {
  readonly item: T;
  readonly index: number;
}

/**
 * A scope of recording proxies. `resultBase` is where the typed result sits inside the raw
 * integration result (e.g. `['Payload']` for `lambda:invoke`).
 */
export function recordingScope(resultBase: readonly string[] = []): ResultScope<never, never, never> &
  ErrorScope<never, never> &
  ItemScope<never, never, never> {
  return {
    input: recordingProxy('input') as never,
    vars: recordingProxy('variable') as never,
    context: recordingProxy('context') as ContextObject,
    result: recordingProxy('result', resultBase) as never,
    errorOutput: recordingProxy('errorOutput') as ErrorOutput,
    item: recordingProxy('context', ['Map', 'Item', 'Value']) as never,
    index: recordingProxy('context', ['Map', 'Item', 'Index']) as never,
  };
}
