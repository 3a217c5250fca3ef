/**
 * TestState: runs one state's definition on an input, by wrapping it in a one-state machine whose
 * transition targets are Succeed states, so the state that comes next can be read from the run.
 * Retriers are not run: a failure a Retry would match is reported as RETRIABLE, as on AWS.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html
 */
import type { TestStateInput, TestStateOutput } from '@aws-sdk/client-sfn';
import type { Retrier, State, StateMachineDefinition } from '../asl/definition';
import type { Json } from '../asl/json';
import type { Clock } from '../clock/clock';
import { findRetrier } from '../interpreter/error-handling';
import { runExecution } from '../interpreter/execution';
import { MemoryHistorySink } from '../interpreter/history/sink';
import type { TaskServices } from '../interpreter/integrations/services';
import { InvalidDefinition, InvalidExecutionInput } from './errors';
import { parseDefinition } from './definition-validation';
import { requiredString } from './state-machines';
import type { Location } from './names';

const TESTED = 'TestState';
const ARN_PREFIX = 'arn:aws:states';

export async function testState(input: TestStateInput, clock: Clock, services: TaskServices, location: Location): Promise<TestStateOutput> {
  const state = parseState(requiredString(input.definition, 'definition'));
  const retriers = (state as { Retry?: Retrier[] }).Retry;
  const machine = wrap(state);
  let value: Json;
  try {
    value = JSON.parse(input.input ?? '{}') as Json;
  } catch (err) {
    throw new InvalidExecutionInput(`Invalid State Machine Execution Input: '${err instanceof Error ? err.message : String(err)}'`);
  }
  const sink = new MemoryHistorySink();
  const executionArn = `${ARN_PREFIX}:${location.region}:${location.account}:execution:${TESTED}:test`;
  const result = await runExecution({
    info: {
      executionArn,
      name: 'test',
      stateMachineArn: `${ARN_PREFIX}:${location.region}:${location.account}:stateMachine:${TESTED}`,
      stateMachineName: TESTED,
      roleArn: input.roleArn ?? '',
      input: value,
      startTime: clock.now(),
      redriveCount: 0,
      region: location.region,
      account: location.account,
      type: 'STANDARD',
    },
    definition: machine,
    clock,
    sink,
    services,
  });
  const events = sink.events.get(executionArn) ?? [];
  const exited = events.find((e) => e.type.endsWith('StateExited') && e.details?.name === TESTED);
  const nextState = events.filter((e) => e.type.endsWith('StateEntered')).map((e) => String(e.details?.name))[1];
  if (result.status !== 'SUCCEEDED') {
    const retriable = result.error !== undefined && findRetrier(retriers, result.error) >= 0;
    return { status: retriable ? 'RETRIABLE' : 'FAILED', error: result.error, cause: result.cause };
  }
  const output = exited?.details && 'output' in exited.details ? JSON.stringify(exited.details.output) : undefined;
  const caught = nextState !== undefined && isCatchTarget(state, nextState);
  return { status: caught ? 'CAUGHT_ERROR' : 'SUCCEEDED', output, ...(nextState !== undefined ? { nextState } : {}) };
}

function parseState(text: string): State {
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch (err) {
    throw new InvalidDefinition(`Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: ${err instanceof Error ? err.message : String(err)}'`);
  }
  const wrapped = wrap(state as State);
  parseDefinition(JSON.stringify(wrapped));
  return state as State;
}

function wrap(state: State): StateMachineDefinition {
  const { Retry: _retry, ...withoutRetry } = state as State & { Retry?: unknown };
  const states: Record<string, State> = { [TESTED]: withoutRetry as State };
  for (const target of targets(state)) if (target !== TESTED) states[target] = { Type: 'Succeed' } as State;
  return { StartAt: TESTED, States: states };
}

function targets(state: State): string[] {
  const s = state as { Next?: string; Default?: string; Choices?: Array<{ Next?: string }>; Catch?: Array<{ Next?: string }> };
  const all = [s.Next, s.Default, ...(s.Choices ?? []).map((c) => c.Next), ...(s.Catch ?? []).map((c) => c.Next)];
  return all.filter((t): t is string => typeof t === 'string');
}

function isCatchTarget(state: State, name: string): boolean {
  const s = state as { Next?: string; Catch?: Array<{ Next?: string }> };
  return s.Next !== name && (s.Catch ?? []).some((c) => c.Next === name);
}
