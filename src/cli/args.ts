/** Small helpers shared by the CLI's commands. */
import { readFileSync } from 'node:fs';
import { CommandUsageError } from '../builder/package-command';

/** `--input '{"a":1}'` or `--input @file.json`. */
export function readJsonArgument(value: string | undefined, what: string): unknown {
  if (value === undefined) return {};
  const text = value.startsWith('@') ? readFileSync(value.slice(1), 'utf8') : value;
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${what} is not valid JSON: ${(err as Error).message}`);
  }
}

/** A mistake in how the command was called: printed without a stack trace. Package commands throw the same class. */
export const UsageError = CommandUsageError;
export type UsageError = CommandUsageError;
