const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;
const compiled = new Map<string, RegExp>();

/**
 * StringMatches: `*` matches any run of characters (newlines included); `\*` and `\\` are a literal
 * asterisk and backslash.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
export function matchesPattern(value: string, pattern: string): boolean {
  let regex = compiled.get(pattern);
  if (!regex) {
    regex = patternToRegex(pattern);
    compiled.set(pattern, regex);
  }
  return regex.test(value);
}

function patternToRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\' && i + 1 < pattern.length) {
      source += pattern[++i].replace(REGEX_SPECIAL, '\\$&');
    } else if (char === '*') {
      source += '.*';
    } else {
      source += char.replace(REGEX_SPECIAL, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, 's');
}
