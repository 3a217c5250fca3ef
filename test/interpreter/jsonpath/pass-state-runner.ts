import type { PassState } from '../../../src/asl/definition';
import type { Json } from '../../../src/asl/json';
import {
  applyInputPath,
  applyOutputPath,
  applyResultPath,
  evaluatePayloadTemplate,
  type PathScope,
} from '../../../src/interpreter/jsonpath';
import { ACCOUNT, REGION, type RunNames } from './snapshot-normalization';

/** A Pass state's JSONPath data flow, enough to replay the single-state intrinsic recordings. */
export function runPassState(state: PassState, input: Json, context: Json): Json {
  const scope: PathScope = { input, context, variables: {} };
  const effectiveInput = applyInputPath(input, state.InputPath, scope);
  const result =
    state.Parameters !== undefined
      ? evaluatePayloadTemplate(state.Parameters, { ...scope, input: effectiveInput }, 'Parameters')
      : (state.Result ?? effectiveInput);
  const output = applyResultPath(input, result, state.ResultPath);
  return applyOutputPath(output, state.OutputPath, { ...scope, input: output });
}

export function contextObjectFor(input: Json, names: RunNames, stateName: string): Json {
  const stateMachineArn = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${names.stateMachineName}`;
  return {
    Execution: {
      Id: `arn:aws:states:${REGION}:${ACCOUNT}:execution:${names.stateMachineName}:${names.executionName}`,
      Input: input,
      Name: names.executionName,
      RoleArn: `arn:aws:iam::${ACCOUNT}:role/statecraft`,
      StartTime: '2024-01-01T00:00:00.000Z',
    },
    StateMachine: { Id: stateMachineArn, Name: names.stateMachineName },
    State: { Name: stateName, EnteredTime: '2024-01-01T00:00:00.000Z', RetryCount: 0 },
  };
}
