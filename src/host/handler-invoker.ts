/**
 * A {@link LambdaInvoker} that calls task handlers in this process, answered as Lambda's Invoke
 * answers: the JSON result, or `functionError: 'Unhandled'` with the runtime's error object, whose
 * `errorType` (the thrown error's name) becomes the error name in the execution history.
 */
import type { Json } from '../asl/json';
import { StatesError } from '../asl/errors';
import { errorPayload } from '../control/functions';
import type { InvokeOptions, LambdaInvoker, LambdaResponse } from '../interpreter/integrations/services';
import { invokeTask, type AnyTaskHandler } from '../services/task-handler';
import type { HandlerServices } from '../services/services';

export class HandlerLambdaInvoker implements LambdaInvoker {
  private readonly byName: Map<string, AnyTaskHandler>;

  constructor(
    handlers: readonly AnyTaskHandler[],
    private readonly services: HandlerServices,
    private readonly location = { region: 'us-east-1', account: '000000000000' },
  ) {
    this.byName = new Map(handlers.map((handler) => [handler.task.name, handler]));
  }

  async invoke(functionName: string, payload: Json | undefined, _options: InvokeOptions): Promise<LambdaResponse> {
    const handler = this.byName.get(functionName);
    if (!handler) throw this.notFound(functionName);
    try {
      const result = await invokeTask(handler, payload ?? {}, this.services);
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
