/**
 * The "Step Functions Execution Status Change" event Step Functions sends to the default bus when
 * a STANDARD execution starts or ends. Dates in `detail` are epoch milliseconds; input and output
 * are JSON text, null where there is none.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/eventbridge-integration.html
 */
import type { ExecutionStatusChange } from '../../control/engine';
import type { Location } from './arns';
import { eventTime, type AwsEvent } from './aws-event';

export const EXECUTION_STATUS_CHANGE = 'Step Functions Execution Status Change';

export function executionStatusEvent(change: ExecutionStatusChange, location: Location, id: string): AwsEvent {
  const ended = change.status !== 'RUNNING';
  return {
    version: '0',
    id,
    'detail-type': EXECUTION_STATUS_CHANGE,
    source: 'aws.states',
    account: location.account,
    time: eventTime(change.stopDate ?? change.startDate),
    region: location.region,
    resources: [change.executionArn],
    detail: {
      executionArn: change.executionArn,
      stateMachineArn: change.stateMachineArn,
      name: change.name,
      status: change.status,
      startDate: change.startDate,
      stopDate: change.stopDate ?? null,
      input: change.input,
      output: change.output ?? null,
      inputDetails: { included: true },
      outputDetails: change.output !== undefined ? { included: true } : null,
      ...(ended && change.status !== 'SUCCEEDED' ? { error: change.error ?? null, cause: change.cause ?? null } : {}),
    },
  };
}
