/**
 * Wildcard patterns: `*` matches any run of characters, `\*` and `\\` are literal.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#eb-filtering-wildcard-matching
 */
import { PatternSyntaxError } from './errors';

/** A wildcard pattern as the literal pieces between its stars. */
export interface Wildcard {
  pieces: string[];
}

/**
 * Splits a wildcard into pieces, rejecting what AWS rejects. AWS parses the value wrapped in double quotes and
 * reports UTF-8 byte positions in that wrapped form, hence the `+ 1`.
 */
export function parseWildcard(text: string): Wildcard {
  const pieces: string[] = [''];
  const bytePos = (index: number) => Buffer.byteLength(text.slice(0, index)) + 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '*') {
      if (text[i + 1] === '*') throw new PatternSyntaxError(`Consecutive wildcard characters at pos ${bytePos(i)}`);
      pieces.push('');
    } else if (c === '\\') {
      const next = text[i + 1];
      if (next !== '*' && next !== '\\') throw new PatternSyntaxError(`Invalid escape character at pos ${bytePos(i)}`);
      pieces[pieces.length - 1] += next;
      i++;
    } else {
      pieces[pieces.length - 1] += c;
    }
  }
  return { pieces };
}

export function matchesWildcard(value: string, { pieces }: Wildcard): boolean {
  const first = pieces[0];
  if (pieces.length === 1) return value === first;
  const last = pieces[pieces.length - 1];
  if (value.length < first.length + last.length || !value.startsWith(first) || !value.endsWith(last)) return false;
  let at = first.length;
  const end = value.length - last.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const found = value.indexOf(pieces[i], at);
    if (found < 0 || found + pieces[i].length > end) return false;
    at = found + pieces[i].length;
  }
  return true;
}

/**
 * The most wildcard positions one input can keep open at once while being matched against the pattern. AWS
 * refuses patterns whose matching could fan out like this ("Rule is too complex"); we measure the fan-out by
 * simulating the pattern's automaton over every distinct input character class. This approximates AWS's own
 * measure, which is not published.
 */
export function wildcardFanOut({ pieces }: Wildcard): number {
  const literal = pieces.join('');
  const loops = new Set<number>();
  let offset = 0;
  for (const piece of pieces.slice(0, -1)) {
    offset += piece.length;
    loops.add(offset);
  }
  const alphabet = [...new Set(literal), '\u0000'];
  const step = (states: number[], c: string): number[] => {
    const next = new Set<number>();
    for (const s of states) {
      if (loops.has(s)) next.add(s);
      if (literal[s] === c) next.add(s + 1);
    }
    return [...next].sort((a, b) => a - b);
  };
  const seen = new Set<string>(['0']);
  const queue: number[][] = [[0]];
  let widest = 0;
  while (queue.length > 0 && seen.size < 5000) {
    const states = queue.shift() as number[];
    widest = Math.max(widest, states.filter((s) => loops.has(s)).length);
    for (const c of alphabet) {
      const next = step(states, c);
      const key = next.join(',');
      if (next.length > 0 && !seen.has(key)) {
        seen.add(key);
        queue.push(next);
      }
    }
  }
  return widest;
}

/** The widest fan-out AWS accepts, calibrated on recorded AWS answers (`*:*:*:*:*:event-bus/*` is refused). */
export const MAX_WILDCARD_FAN_OUT = 5;
