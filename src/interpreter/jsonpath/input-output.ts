import type { Json } from '../../asl/json';
import type { PathScope } from './scope';
import { selectPathOrInvalid } from './select-path';

/**
 * InputPath: absent selects the whole input, null discards it (`{}`).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html
 */
export function applyInputPath(input: Json, path: string | null | undefined, scope: PathScope): Json {
  return applyFilterPath(input, path, scope);
}

/**
 * OutputPath: absent passes the value through, null discards it (`{}`).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-example.html
 */
export function applyOutputPath(value: Json, path: string | null | undefined, scope: PathScope): Json {
  return applyFilterPath(value, path, scope);
}

function applyFilterPath(value: Json, path: string | null | undefined, scope: PathScope): Json {
  if (path === undefined || path === '$') return value;
  if (path === null) return {};
  return selectPathOrInvalid(path, scope, value);
}
