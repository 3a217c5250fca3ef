/**
 * Wait: pauses for a number of seconds or until a timestamp.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html
 */
import { BuilderError } from '../builder-error';
import type { Scope } from '../scope';
import type { WaitConfig } from '../state-config';
import { record, recordAssignments } from './common';

export interface WaitOptions<P, V, O, A> {
  comment?: string;
  /** Seconds to wait: a number or an accessor. Exactly one of `seconds` and `timestamp`. */
  seconds?: number | ((s: Scope<P, V>) => number);
  /** An ISO-8601 timestamp to wait until: a string or an accessor. */
  timestamp?: string | ((s: Scope<P, V>) => string);
  /** @default - the state's input */
  output?: (s: Scope<P, V>) => O;
  assign?: (s: Scope<P, V>) => A;
}

export function waitConfig(name: string, options: WaitOptions<never, never, unknown, unknown>): WaitConfig {
  if ((options.seconds === undefined) === (options.timestamp === undefined)) {
    throw new BuilderError(`Wait state "${name}" needs exactly one of seconds and timestamp`);
  }
  return {
    type: 'Wait',
    comment: options.comment,
    seconds: typeof options.seconds === 'function' ? record(options.seconds, 'seconds') : literal(options.seconds),
    timestamp: typeof options.timestamp === 'function' ? record(options.timestamp, 'timestamp') : literal(options.timestamp),
    output: record(options.output, 'output'),
    assign: recordAssignments(options.assign, 'assign'),
  };
}

function literal(value: number | string | undefined): WaitConfig['seconds'] {
  return value === undefined ? undefined : { kind: 'literal', value };
}
