/**
 * How Step Functions recognises a JSONata expression inside a JSON value.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */

const OPEN = '{%';
const CLOSE = '%}';

/**
 * A string is a JSONata template only when it starts with `{%` and ends with `%}` exactly:
 * AWS treats `" {% $x %} "` (surrounding whitespace) as a literal string.
 */
export function isJsonataTemplate(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= OPEN.length + CLOSE.length &&
    value.startsWith(OPEN) &&
    value.endsWith(CLOSE)
  );
}

/** The expression between the delimiters, trimmed: AWS quotes it this way in error causes. */
export function expressionOf(template: string): string {
  return template.slice(OPEN.length, template.length - CLOSE.length).trim();
}
