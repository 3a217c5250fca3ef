import type { Json } from '../../../asl/json';
import type { IntrinsicArguments } from './arguments';
import { javaToString } from './java-text';

/** A template split at its `{}` placeholders; `\{` and `\}` stay literal braces. */
type TemplatePieces = string[];

const templateCache = new Map<string, TemplatePieces>();

/**
 * States.Format(template, ...values).
 * @param templateText the template with its escapes still in place (a literal's raw text).
 */
export function format(args: IntrinsicArguments, templateText: string): Json {
  args.expectCount(1, Infinity);
  args.string(0);
  const pieces = templatePieces(templateText);
  const values = args.values.slice(1);
  if (values.length !== pieces.length - 1) {
    throw args.failure(`the template has ${pieces.length - 1} placeholder(s) but ${values.length} value(s) were given`);
  }
  let text = pieces[0];
  for (let i = 0; i < values.length; i++) text += javaToString(values[i]) + pieces[i + 1];
  return text;
}

function templatePieces(template: string): TemplatePieces {
  let pieces = templateCache.get(template);
  if (!pieces) {
    pieces = splitTemplate(template);
    templateCache.set(template, pieces);
  }
  return pieces;
}

function splitTemplate(template: string): TemplatePieces {
  const pieces: string[] = [];
  let current = '';
  for (let i = 0; i < template.length; i++) {
    const char = template[i];
    if (char === '\\' && i + 1 < template.length) {
      current += template[++i];
    } else if (char === '{' && template[i + 1] === '}') {
      pieces.push(current);
      current = '';
      i++;
    } else {
      current += char;
    }
  }
  pieces.push(current);
  return pieces;
}

/** States.StringSplit: every character of the second argument is a delimiter; empty pieces are dropped. */
export function stringSplit(args: IntrinsicArguments): Json {
  args.expectCount(2);
  const text = args.string(0);
  const delimiters = new Set(args.string(1));
  const parts: string[] = [];
  let current = '';
  for (const char of text) {
    if (delimiters.has(char)) {
      if (current) parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (current) parts.push(current);
  return parts;
}
