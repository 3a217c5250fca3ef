import * as errors from '../../src/control/errors';
import { SfnApiError } from '../../src/control/errors';

describe('Step Functions API errors', () => {
  // The error names of the Step Functions API reference; each class is its own name.
  const cases = Object.entries(errors)
    .filter(([name]) => name !== 'SfnApiError')
    .map(([name, ErrorClass]) => [name, ErrorClass as new (message: string) => SfnApiError] as const);

  test('every class is covered below', () => {
    expect(cases.map(([name]) => name).sort()).toEqual(
      [
        'ExecutionAlreadyExists',
        'ExecutionDoesNotExist',
        'ExecutionNotRedrivable',
        'InvalidArn',
        'InvalidDefinition',
        'InvalidExecutionInput',
        'InvalidName',
        'InvalidOutput',
        'InvalidToken',
        'ServiceUnavailable',
        'StateMachineAlreadyExists',
        'StateMachineDoesNotExist',
        'StateMachineTypeNotSupported',
        'TaskDoesNotExist',
        'TaskTimedOut',
        'ValidationException',
      ].sort(),
    );
  });

  test.each(cases)('%s carries its name as code and error name', (name, ErrorClass) => {
    const error = new ErrorClass('what went wrong');
    expect(error).toBeInstanceOf(SfnApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: name, name, message: 'what went wrong', httpStatus: name === 'ServiceUnavailable' ? 503 : 400 });
  });

  test('an ad-hoc error keeps the status it is given', () => {
    expect(new SfnApiError('ThrottlingException', 'slow down', 429)).toMatchObject({ code: 'ThrottlingException', name: 'ThrottlingException', httpStatus: 429 });
  });
});
