import type { RenderedInput } from './target';
import type { TemplateVariables } from './variables';

const PLACEHOLDER = /<([A-Za-z0-9_.-]+)>/y;

/**
 * Fills an InputTemplate the way EventBridge does. A template that starts with `{` or `[` is a JSON
 * template: a variable outside quotes becomes its JSON value, one inside a JSON string is pasted
 * unescaped (so an object there breaks the JSON), and a result that is not valid JSON is not
 * delivered at all. Any other template is text: strings are pasted as they are and objects and
 * arrays lose their quotes (`{key:value}`), which is how AWS keeps a quoted text template a string.
 * A variable whose path matched nothing renders as nothing in text, and as `null` outside quotes.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html#eb-transform-input-issues
 */
export function renderTemplate(template: string, variables: TemplateVariables): RenderedInput {
  if (!isJsonTemplate(template)) {
    return { delivered: true, body: substitute(template, variables, () => textValue) };
  }
  const body = substitute(template, variables, (inString) => (inString ? pastedInJsonString : jsonValue));
  return isValidJson(body)
    ? { delivered: true, body }
    : { delivered: false, reason: `InputTemplate rendered to invalid JSON: ${body}` };
}

function isJsonTemplate(template: string): boolean {
  return /^\s*[{[]/.test(template);
}

type Render = (value: unknown) => string;

/** Replaces each known `<variable>`, telling the renderer whether it sits inside a JSON string. */
function substitute(template: string, variables: TemplateVariables, rendererFor: (inString: boolean) => Render): string {
  let output = '';
  let inString = false;
  for (let index = 0; index < template.length; ) {
    PLACEHOLDER.lastIndex = index;
    const placeholder = PLACEHOLDER.exec(template);
    // Names that are not variables (`<b>` in text) stay literal.
    if (placeholder && variables.has(placeholder[1])) {
      output += rendererFor(inString)(variables.get(placeholder[1]));
      index += placeholder[0].length;
      continue;
    }
    const char = template[index];
    if (inString && char === '\\') {
      output += template.slice(index, index + 2);
      index += 2;
      continue;
    }
    if (char === '"') inString = !inString;
    output += char;
    index += 1;
  }
  return output;
}

function textValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value).replace(/"/g, '');
}

function pastedInJsonString(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function jsonValue(value: unknown): string {
  return value === undefined ? 'null' : JSON.stringify(value);
}

function isValidJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
