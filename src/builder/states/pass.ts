/**
 * Pass: reshapes the payload or assigns variables, without calling anything.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-pass.html
 */
import type { Scope } from '../scope';
import type { PassConfig } from '../state-config';
import { record, recordAssignments } from './common';

export interface PassOptions<P, V, O, A> {
  comment?: string;
  /** The state's output. @default - the state's input */
  output?: (s: Scope<P, V>) => O;
  /** Variables to set for the states that follow. */
  assign?: (s: Scope<P, V>) => A;
}

export function passConfig(options: PassOptions<never, never, unknown, unknown>): PassConfig {
  return {
    type: 'Pass',
    comment: options.comment,
    output: record(options.output, 'output'),
    assign: recordAssignments(options.assign, 'assign'),
  };
}
