/**
 * ARNs and names as Step Functions forms and checks them.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html
 */
import type { Location } from '../location';
import { InvalidArn, InvalidName } from './errors';

export type { Location } from '../location';

/** 1–80 characters; no whitespace, brackets, wildcards, special or control characters. */
const FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/;

export function checkName(name: string, what = 'name'): void {
  if (name.length < 1 || name.length > 80 || FORBIDDEN.test(name)) {
    throw new InvalidName(`Invalid Name: '${name}'` + (what === 'name' ? '' : ` (${what})`));
  }
}

export function stateMachineArn(loc: Location, name: string): string {
  return `arn:aws:states:${loc.region}:${loc.account}:stateMachine:${name}`;
}

export function executionArn(loc: Location, machineName: string, executionName: string, type: 'STANDARD' | 'EXPRESS'): string {
  const kind = type === 'EXPRESS' ? 'express' : 'execution';
  return `arn:aws:states:${loc.region}:${loc.account}:${kind}:${machineName}:${executionName}`;
}

const STATE_MACHINE_ARN = /^arn:aws[\w-]*:states:([\w-]+):(\d{12}):stateMachine:([^:]+)$/;
const EXECUTION_ARN = /^arn:aws[\w-]*:states:([\w-]+):(\d{12}):(execution|express):([^:]+):([^:]+)$/;

export function parseStateMachineArn(arn: unknown): { name: string } {
  const m = typeof arn === 'string' ? STATE_MACHINE_ARN.exec(arn) : null;
  if (!m) throw new InvalidArn(`Invalid Arn: 'Resource type not valid in this context: ${String(arn)}'`);
  return { name: m[3] };
}

export function parseExecutionArn(arn: unknown): { machineName: string; name: string } {
  const m = typeof arn === 'string' ? EXECUTION_ARN.exec(arn) : null;
  if (!m) throw new InvalidArn(`Invalid Arn: 'Resource type not valid in this context: ${String(arn)}'`);
  return { machineName: m[4], name: m[5] };
}
