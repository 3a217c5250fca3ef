/**
 * The recorded tests' Lambda functions, rebuilt from the corpus vocabulary as an in-process
 * LambdaInvoker. `sleep` waits on the engine's clock, so timeouts need no real time.
 */
import type { Json } from '../../../src/asl/json';
import { StatesError } from '../../../src/asl/errors';
import type { Clock } from '../../../src/clock/clock';
import type { LambdaInvoker, LambdaResponse } from '../../../src/interpreter/integrations/services';
import type { LambdaSpec } from './corpus';
import { pythonJsonDumps } from './normalize';

export function corpusLambdas(specs: Record<string, LambdaSpec>, clock: Clock): LambdaInvoker {
  return {
    async invoke(name, payload, { signal, requestId }): Promise<LambdaResponse> {
      const spec = specs[name];
      if (!spec) {
        throw new StatesError(
          'Lambda.ResourceNotFoundException',
          `Function not found: arn:aws:lambda:us-east-1:000000000000:function:${name}:$LATEST (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: ${requestId}; Proxy: null)`,
          false,
        );
      }
      const event = payload === undefined ? {} : payload;
      const ok = (text: string): LambdaResponse => ({ payload: text, executedVersion: '$LATEST' });
      switch (spec.kind) {
        case 'identity':
          return ok(JSON.stringify(event));
        case 'constant':
          return ok(JSON.stringify(spec.value));
        case 'raw':
          return ok(spec.payload ?? '');
        case 'raw_repeat':
          return ok((spec.char ?? 'a').repeat(spec.count ?? 0));
        case 'python_repr_prefix':
          return ok(JSON.stringify((spec.prefix ?? '') + pythonRepr(event)));
        case 'sleep':
          await clock.sleepUntil(clock.now() + (spec.seconds ?? 0) * 1000, signal);
          return ok(JSON.stringify(event));
        case 'raise':
          return {
            // Python's runtime writes its error payload with json.dumps' default separators.
            payload: pythonJsonDumps({ errorMessage: spec.errorMessage, errorType: spec.errorType, requestId, stackTrace: spec.stackTrace }),
            functionError: 'Unhandled',
            executedVersion: '$LATEST',
          };
      }
    },
  };
}

function pythonRepr(value: Json): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  return `{${Object.entries(value).map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`).join(', ')}}`;
}
