/**
 * localstack-snapshot's TransformContext: the serialized replacements registered so far (applied later, in
 * registration order, to each top-level key's json.dumps text) and the per-name counters of reference
 * placeholders.
 */
import { ReferenceValueTypeError } from './errors';

export type SerializedReplacement = (text: string) => string;

export class TransformContext {
  readonly replacements: SerializedReplacement[] = [];
  private readonly counters = new Map<string, number>();
  private readonly referencedValues = new Set<string>();

  register(replacement: SerializedReplacement): void {
    this.replacements.push(replacement);
  }

  /**
   * A matched value becomes `<name:n>` wherever its text occurs. Values are deduplicated across names (the
   * original keys its cache on the value alone), and only `"` is escaped to find the value inside the JSON
   * text, so values holding backslashes or non-ASCII characters are not found, as in the recording.
   */
  registerReference(value: unknown, name: string): void {
    if (typeof value !== 'string') throw new ReferenceValueTypeError(name, value);
    const needle = value.replaceAll('"', '\\"');
    if (this.referencedValues.has(needle)) return;
    this.referencedValues.add(needle);
    const placeholder = `<${name}:${this.nextNumber(name)}>`;
    this.register((text) => text.replaceAll(needle, placeholder));
  }

  private nextNumber(name: string): number {
    const next = (this.counters.get(name) ?? 0) + 1;
    this.counters.set(name, next);
    return next;
  }
}
