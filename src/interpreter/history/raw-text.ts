/**
 * The JSON text a value was parsed from, while the value flows through states unchanged.
 * Step Functions passes the execution input's text along as it was given (`[1, 2]` keeps its
 * spaces) until a state builds a new value, and its history shows that text. Values are never
 * mutated in place, so the text stays true for the object it was remembered for.
 */
const texts = new WeakMap<object, string>();

export function rememberText(value: unknown, text: string): void {
  if (typeof value === 'object' && value !== null) texts.set(value, text);
}

/** The remembered text of this very object, if it came from parsed input. */
export function rememberedText(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? texts.get(value) : undefined;
}
