/**
 * Several Lambda runtimes behind one invoker: the first that has the function answers. The local
 * engine runs the project's own task handlers and the user's `--functions` directory side by side.
 */
import type { Json } from '../asl/json';
import { StatesError } from '../asl/errors';
import type { InvokeOptions, LambdaInvoker, LambdaResponse } from '../interpreter/integrations/services';

const NOT_FOUND = 'Lambda.ResourceNotFoundException';

export class ChainedLambdaInvoker implements LambdaInvoker {
  constructor(private readonly invokers: readonly LambdaInvoker[]) {
    if (invokers.length === 0) throw new RangeError('ChainedLambdaInvoker needs at least one invoker.');
  }

  async invoke(functionName: string, payload: Json | undefined, options: InvokeOptions): Promise<LambdaResponse> {
    let notFound: unknown;
    for (const invoker of this.invokers) {
      try {
        return await invoker.invoke(functionName, payload, options);
      } catch (err) {
        if (!(err instanceof StatesError && err.error === NOT_FOUND)) throw err;
        notFound = err;
      }
    }
    throw notFound;
  }
}
