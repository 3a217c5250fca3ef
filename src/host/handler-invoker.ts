/**
 * A {@link LambdaInvoker} that calls task handlers in this process, answered as Lambda's Invoke
 * answers: the JSON result, or `functionError: 'Unhandled'` with the runtime's error object, whose
 * `errorType` (the thrown error's name) becomes the error name in the execution history.
 */
import type { Json } from '../asl/json';
import { StatesError } from '../asl/errors';
import { errorPayload } from '../control/functions';
import type { InvokeOptions, LambdaInvoker, LambdaResponse } from '../interpreter/integrations/services';
import type { TaskDefinition } from '../builder/task-definition';
import type { Location } from '../control/names';
import { invokeTask } from '../services/invoke-task';
import type { ModelRegistryLocation } from '../services/models';
import type { HandlerServices } from '../services/services';

export class HandlerLambdaInvoker implements LambdaInvoker {
  private readonly byName: Map<string, TaskDefinition>;

  constructor(
    tasks: readonly TaskDefinition[],
    private readonly services: HandlerServices,
    private readonly modelRegistry: ModelRegistryLocation,
    private readonly location: Location,
  ) {
    this.byName = new Map(tasks.map((task) => [task.name, task]));
  }

  async invoke(functionName: string, payload: Json | undefined, _options: InvokeOptions): Promise<LambdaResponse> {
    const task = this.byName.get(functionName);
    if (!task) throw this.notFound(functionName);
    try {
      const result = await invokeTask(task, payload ?? {}, this.services, this.modelRegistry);
      return { payload: result === undefined ? 'null' : JSON.stringify(result), executedVersion: '$LATEST' };
    } catch (err) {
      return { payload: JSON.stringify(errorPayload(err)), functionError: 'Unhandled', executedVersion: '$LATEST' };
    }
  }

  private notFound(name: string): StatesError {
    const arn = `arn:aws:lambda:${this.location.region}:${this.location.account}:function:${name}`;
    return new StatesError('Lambda.ResourceNotFoundException', `Function not found: ${arn} (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException)`, false);
  }
}
