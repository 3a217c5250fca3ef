/**
 * Python `re.sub(pattern, repl, text)` in JS, for the regex transformers the recordings registered.
 * Translation covers the Python syntax that differs from JS (non-unicode mode): named groups
 * `(?P<n>…)`/`(?P=n)`, leading inline flags, `\A` and `\Z`. Anything else passes through unchanged, which is
 * right for the corpus patterns (character classes, quantifiers, groups).
 */
import { UnsupportedNormalizationError } from './errors';

const INLINE_FLAGS = /^\(\?([aiLmsux]+)\)/;

export function pythonRegExp(pattern: string): RegExp {
  let source = pattern;
  let flags = 'g';
  const inline = INLINE_FLAGS.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const flag of inline[1]) {
      if (flag === 'i' || flag === 'm' || flag === 's') flags += flag;
      else if (flag !== 'a' && flag !== 'u') throw new UnsupportedNormalizationError(pattern, `inline flag (?${flag})`);
    }
  }
  source = source
    .replace(/\(\?P</g, '(?<')
    .replace(/\(\?P=(\w+)\)/g, '\\k<$1>')
    .replace(/\\A/g, '^')
    .replace(/\\Z/g, '$(?![\\s\\S])');
  return new RegExp(source, flags);
}

const TEMPLATE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b', '\\': '\\' };

/** Expands a Python replacement template (`\1`, `\g<name>`, `\n` …) for one match. */
function expandTemplate(template: string, groups: (string | undefined)[], named: Record<string, string | undefined>): string {
  return template.replace(/\\(g<(\w+)>|\d{1,2}|.)/g, (escape, body: string, groupRef?: string) => {
    if (groupRef !== undefined) {
      return (/^\d+$/.test(groupRef) ? groups[Number(groupRef)] : named[groupRef]) ?? '';
    }
    if (/^\d+$/.test(body)) return groups[Number(body)] ?? '';
    return TEMPLATE_ESCAPES[body] ?? escape;
  });
}

export function pythonSub(pattern: RegExp, template: string, text: string): string {
  if (!template.includes('\\')) return text.replace(pattern, () => template);
  return text.replace(pattern, (...args: unknown[]) => {
    const last = args[args.length - 1];
    const named = (typeof last === 'object' && last !== null ? last : {}) as Record<string, string | undefined>;
    const groupCount = args.length - (typeof last === 'object' && last !== null ? 3 : 2);
    return expandTemplate(template, args.slice(0, groupCount) as (string | undefined)[], named);
  });
}
