/** Turning accessor options into config IR; shared by every state file. */
import { BuilderError } from '../builder-error';
import { toTemplate, type Template } from '../expression';
import { recordingScope } from '../scope';
import type { Assignments } from '../state-config';

// The recording scope's static type is irrelevant: accessors are typed by the state's options.
type AnyAccessor = (scope: never) => unknown;

/** The template an optional accessor records, evaluated against a scope whose result sits at `resultBase`. */
export function record(accessor: AnyAccessor | undefined, where: string, resultBase: readonly string[] = []): Template | undefined {
  if (accessor === undefined) return undefined;
  return toTemplate(accessor(recordingScope(resultBase) as never), where);
}

export function recordRequired(accessor: AnyAccessor, where: string, resultBase: readonly string[] = []): Template {
  return toTemplate(accessor(recordingScope(resultBase) as never), where);
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Assign's fields, each a variable; `states` is reserved by Step Functions. */
export function recordAssignments(accessor: AnyAccessor | undefined, where: string, resultBase: readonly string[] = []): Assignments | undefined {
  const template = record(accessor, where, resultBase);
  if (template === undefined) return undefined;
  if (template.kind !== 'object') throw new BuilderError(`${where}: assign must return an object of variables`);
  for (const name of Object.keys(template.fields)) {
    if (!VARIABLE_NAME.test(name) || name === 'states') throw new BuilderError(`${where}: "${name}" is not a valid variable name`);
  }
  return template.fields;
}
