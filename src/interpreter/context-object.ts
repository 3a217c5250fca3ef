import type { Json, JsonObject } from '../asl/json';
import type { StateContext } from './runtime';

/**
 * The context object (`$$` in JSONPath, `$states.context` in JSONata).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html
 */
export function contextObject(ctx: StateContext, retryCount?: number, taskToken?: string): JsonObject {
  const { info } = ctx.rt;
  const context: JsonObject = {
    Execution: {
      Id: info.executionArn,
      Input: info.input,
      StartTime: new Date(info.startTime).toISOString(),
      Name: info.name,
      RoleArn: info.roleArn,
      RedriveCount: info.redriveCount,
    },
    StateMachine: { Id: info.stateMachineArn, Name: info.stateMachineName },
    State: { EnteredTime: new Date(ctx.enteredTime).toISOString(), Name: ctx.stateName },
  };
  // Only states that can retry (Task) show RetryCount, as recorded on AWS.
  if (retryCount !== undefined) (context.State as JsonObject).RetryCount = retryCount;
  if (taskToken !== undefined) context.Task = { Token: taskToken };
  if (ctx.frame.map) context.Map = ctx.frame.map as unknown as Json;
  return context;
}
