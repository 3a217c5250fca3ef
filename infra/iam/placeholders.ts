/**
 * The ASL deployed to AWS is the locally rendered ASL with `${…}` placeholders where ARNs go;
 * CloudFormation fills them from `DefinitionSubstitutions`. Keys are derived from names so that
 * every reference to one function or state machine shares one key.
 */
const KEY_PREFIX = { function: 'fn_', stateMachine: 'sm_' } as const;

export type PlaceholderKind = keyof typeof KEY_PREFIX;

export function placeholderKey(kind: PlaceholderKind, name: string): string {
  return `${KEY_PREFIX[kind]}${name.replace(/[^A-Za-z0-9]/g, '_')}`;
}

export function placeholder(kind: PlaceholderKind, name: string): string {
  return `\${${placeholderKey(kind, name)}}`;
}

/** Replaces each `${key}` in a rendered definition by its value, as CloudFormation does. */
export function substitute(definition: string, values: Readonly<Record<string, string>>): string {
  return definition.replace(/\$\{([A-Za-z0-9_]+)\}/g, (whole, key: string) => values[key] ?? whole);
}
