/**
 * Succeed: ends the execution (or the branch) successfully.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-succeed.html
 */
import type { Scope } from '../scope';
import type { SucceedConfig } from '../state-config';
import { record } from './common';

export interface SucceedOptions<P, V, O> {
  comment?: string;
  /** @default - the state's input */
  output?: (s: Scope<P, V>) => O;
}

export function succeedConfig(options: SucceedOptions<never, never, unknown>): SucceedConfig {
  return { type: 'Succeed', comment: options.comment, output: record(options.output, 'output') };
}
