import type { Json } from '../../../src/asl/json';
import type { JsonataBindings } from '../../../src/interpreter/jsonata';

export function bindingsFor(input: Json, variables: Record<string, Json> = {}): JsonataBindings {
  return { states: { input, context: {} }, variables };
}

/** The cause of a rejected evaluation, or a marker when it did not reject with a StatesError. */
export async function causeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    const failure = error as { error?: string; cause?: string };
    return `${failure.error}: ${failure.cause}`;
  }
}
