/**
 * Fail: ends the execution with an error name and a cause.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-fail.html
 */
import type { Scope } from '../scope';
import type { FailConfig } from '../state-config';
import { record } from './common';
import type { Template } from '../expression';

export interface FailOptions<P, V> {
  comment?: string;
  /** The error name Retry/Catch of a parent execution match on: a string or an accessor. */
  error?: string | ((s: Scope<P, V>) => string);
  /** A human-readable cause: a string or an accessor. */
  cause?: string | ((s: Scope<P, V>) => string);
}

export function failConfig(options: FailOptions<never, never>): FailConfig {
  return {
    type: 'Fail',
    comment: options.comment,
    error: stringOrAccessor(options.error, 'error'),
    cause: stringOrAccessor(options.cause, 'cause'),
  };
}

function stringOrAccessor(value: string | ((s: never) => string) | undefined, where: string): Template | undefined {
  return typeof value === 'string' ? { kind: 'literal', value } : record(value, where);
}
