/**
 * Errors raised *inside* a JSONata evaluation, in the shape jsonata itself throws
 * (`{code, ...}` rendered through its message catalogue), so AWS's extra functions fail with the
 * same codes and words as the built-in ones.
 */
export interface JsonataRuntimeError {
  code: string;
  message?: string;
  index?: number;
  token?: string;
}

export function isJsonataRuntimeError(error: unknown): error is JsonataRuntimeError & { message: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** T0410: an argument of the wrong type, or one too many. */
export function signatureMismatch(functionName: string, argumentNumber: number): JsonataRuntimeError {
  return { code: 'T0410', index: argumentNumber, token: functionName };
}

/** D3137 is the code jsonata's own `$error()` uses: its message is the text given. */
export function invalidArgument(message: string): JsonataRuntimeError {
  return { code: 'D3137', message };
}
