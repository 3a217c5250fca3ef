/**
 * Hands one delivery to its target, chosen by the target ARN's service: a state machine
 * (StartExecution with the input), a Lambda function, or another event bus.
 */
import type { Target } from '@aws-sdk/client-eventbridge';
import { randomUUID } from 'node:crypto';
import type { Json } from '../../asl/json';
import { StatesError } from '../../asl/errors';
import type { LambdaInvoker } from '../../interpreter/integrations/services';
import { resourceNameOf } from './arns';
import type { AwsEvent } from './aws-event';

/**
 * The `ERROR_CODE`s of AWS's dead-letter catalogue that local targets can produce.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html
 */
export type DeliveryErrorCode = 'ERROR_FROM_TARGET' | 'INTERNAL_ERROR' | 'INVALID_JSON' | 'INVALID_PARAMETER' | 'NO_RESOURCE' | 'SDK_CLIENT_ERROR' | 'THROTTLING';

/** Why a delivery attempt failed; `retryable: false` goes straight to the dead-letter queue. */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';

  constructor(
    readonly code: DeliveryErrorCode,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** StartExecution as the engine offers it; errors carry the Step Functions error name in `code`. */
export type StartExecution = (input: { stateMachineArn: string; input: string }) => unknown;

export interface TargetServices {
  startExecution?: StartExecution;
  lambda?: LambdaInvoker;
  /** Puts the event on another bus of this runtime; false when that bus does not exist. */
  forward(bus: string, event: AwsEvent): boolean;
}

/** StartExecution errors by the dead-letter code AWS reports and whether a retry can cure them. */
const SFN_ERRORS: Record<string, [DeliveryErrorCode, boolean]> = {
  StateMachineDoesNotExist: ['NO_RESOURCE', false],
  StateMachineDeleting: ['NO_RESOURCE', false],
  InvalidArn: ['INVALID_PARAMETER', false],
  InvalidName: ['INVALID_PARAMETER', false],
  InvalidExecutionInput: ['INVALID_JSON', false],
  ExecutionLimitExceeded: ['THROTTLING', true],
};

export async function invokeTarget(services: TargetServices, target: Target, input: string, event: AwsEvent): Promise<void> {
  const arn = target.Arn!;
  const service = arn.split(':')[2];
  if (service === 'states') return startStateMachine(services, arn, input);
  if (service === 'lambda') return invokeLambda(services, arn, input);
  const bus = resourceNameOf(arn, 'event-bus');
  if (bus !== undefined) {
    if (!services.forward(bus, event)) throw new DeliveryError('NO_RESOURCE', `Event bus ${bus} does not exist.`, false);
    return;
  }
  throw new DeliveryError('INVALID_PARAMETER', `Targets of type ${service} are not supported by this runtime: ${arn}`, false);
}

async function startStateMachine(services: TargetServices, stateMachineArn: string, input: string): Promise<void> {
  if (!services.startExecution) throw new DeliveryError('INTERNAL_ERROR', 'No Step Functions engine is attached to the bus yet.', true);
  try {
    await services.startExecution({ stateMachineArn, input });
  } catch (error) {
    const name = (error as { code?: unknown }).code;
    const [code, retryable] = (typeof name === 'string' && Object.hasOwn(SFN_ERRORS, name) && SFN_ERRORS[name]) || (['SDK_CLIENT_ERROR', true] as const);
    throw new DeliveryError(code, error instanceof Error ? error.message : String(error), retryable);
  }
}

/**
 * EventBridge invokes Lambda asynchronously and Lambda retries function errors itself; here the
 * handler runs in-process, so a function error counts as a failed attempt under the target's RetryPolicy.
 */
async function invokeLambda(services: TargetServices, arn: string, input: string): Promise<void> {
  if (!services.lambda) throw new DeliveryError('INTERNAL_ERROR', 'No Lambda runtime is attached to the bus.', true);
  const functionName = arn.split(':')[6] ?? arn;
  let response;
  try {
    response = await services.lambda.invoke(functionName, parsePayload(input), { signal: new AbortController().signal, requestId: randomUUID() });
  } catch (error) {
    if (error instanceof StatesError && error.error === 'Lambda.ResourceNotFoundException') {
      throw new DeliveryError('NO_RESOURCE', `Function not found: ${arn}`, false);
    }
    throw new DeliveryError('SDK_CLIENT_ERROR', error instanceof Error ? error.message : String(error), true);
  }
  if (response.functionError) throw new DeliveryError('ERROR_FROM_TARGET', response.payload, true);
}

function parsePayload(input: string): Json {
  try {
    return JSON.parse(input) as Json;
  } catch {
    return input;
  }
}
