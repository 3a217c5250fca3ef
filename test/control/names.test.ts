import { checkName, executionArn, parseExecutionArn, parseStateMachineArn, stateMachineArn } from '../../src/control/names';
import { InvalidArn, InvalidName } from '../../src/control/errors';

const loc = { region: 'eu-west-1', account: '123456789012' };

describe('checkName follows CreateStateMachine/StartExecution name rules', () => {
  // AWS: 1–80 characters; no whitespace, brackets < > { } [ ], wildcards ? *, the special
  // characters " # % \ ^ | ~ ` $ & , ; : /, nor control characters (U+0000–001F, U+007F–009F).
  test.each(['a', 'kfold-cv', 'Run_2026-01-01T00.00.00Z'.replace(/:/g, '.'), 'x'.repeat(80), 'ünïcödé', 'a.b+c=d@e!f\'g(h)'])('accepts %p', (name) => {
    expect(() => checkName(name)).not.toThrow();
  });

  test.each([
    '',
    'x'.repeat(81),
    'has space',
    'tab\there',
    'new\nline',
    ...[...'<>{}[]?*"#%\\^|~`$&,;:/'].map((c) => `a${c}b`),
    'nul\u0000',
    'esc\u001f',
    'del\u007f',
    'c1\u0085',
    'c1\u009f',
  ])('refuses %p with InvalidName', (name) => {
    let error: unknown;
    try {
      checkName(name);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidName);
    expect(error).toMatchObject({ code: 'InvalidName', httpStatus: 400, message: `Invalid Name: '${name}'` });
  });

  test('names what was checked when it is not the name', () => {
    expect(() => checkName('a b', 'mapRunLabel')).toThrow("Invalid Name: 'a b' (mapRunLabel)");
  });
});

describe('ARNs', () => {
  test.each<['STANDARD' | 'EXPRESS', string]>([
    ['STANDARD', 'arn:aws:states:eu-west-1:123456789012:execution:sm:run-1'],
    ['EXPRESS', 'arn:aws:states:eu-west-1:123456789012:express:sm:run-1'],
  ])('a %s execution ARN', (type, arn) => {
    expect(executionArn(loc, 'sm', 'run-1', type)).toBe(arn);
    expect(parseExecutionArn(arn)).toEqual({ machineName: 'sm', name: 'run-1' });
  });

  test('a state machine ARN round-trips', () => {
    expect(stateMachineArn(loc, 'kfold-cv')).toBe('arn:aws:states:eu-west-1:123456789012:stateMachine:kfold-cv');
    expect(parseStateMachineArn('arn:aws:states:eu-west-1:123456789012:stateMachine:kfold-cv')).toEqual({ name: 'kfold-cv' });
  });

  test.each(['arn:aws-us-gov:states:us-gov-west-1:123456789012:stateMachine:sm', 'arn:aws-cn:states:cn-north-1:123456789012:stateMachine:sm'])(
    'accepts the partition of %s',
    (arn) => {
      expect(parseStateMachineArn(arn)).toEqual({ name: 'sm' });
    },
  );

  test.each<unknown>([
    'arn:aws:states:us-east-1:123456789012:execution:sm:run',
    'arn:aws:states:us-east-1:123456789012:stateMachine:sm:alias',
    'arn:aws:states:us-east-1:12345:stateMachine:sm',
    'arn:aws:lambda:us-east-1:123456789012:function:sm',
    'sm',
    '',
    42,
    undefined,
  ])('a state machine ARN refuses %p with InvalidArn', (arn) => {
    expect(() => parseStateMachineArn(arn)).toThrow(InvalidArn);
    expect(() => parseStateMachineArn(arn)).toThrow(`Invalid Arn: 'Resource type not valid in this context: ${String(arn)}'`);
  });

  test.each<unknown>([
    'arn:aws:states:us-east-1:123456789012:stateMachine:sm',
    'arn:aws:states:us-east-1:123456789012:execution:sm',
    'arn:aws:states:us-east-1:123456789012:mapRun:sm:run',
    'arn:aws:states:us-east-1:123456789012:execution:sm:run:extra',
    null,
  ])('an execution ARN refuses %p with InvalidArn', (arn) => {
    expect(() => parseExecutionArn(arn)).toThrow(InvalidArn);
  });
});
