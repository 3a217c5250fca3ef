/**
 * Random patterns and events over a small shared vocabulary, so that rules and events collide often: every
 * operator, `$or`, dotted keys, arrays of values and arrays of objects, values of every JSON type. A seeded
 * generator keeps each run reproducible.
 */

import type { Random } from '../../../src/services';

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

const PATHS = ['source', 'detail-type', 'region', 'detail.a', 'detail.b', 'detail.items.name', 'detail.items.size', 'detail.x.y'];
const STRINGS = ['a', 'ab', 'abc', 'b', 'B', 'x.y', '', '10.0.0.1'];
const SCALARS: readonly unknown[] = [...STRINGS, 0, 1, 1.5, 100, true, false, null];

function matcher(random: Random): unknown {
  const s = () => pick(random, STRINGS);
  switch (Math.floor(random() * 14)) {
    case 0: case 1: case 2: return s();
    case 3: return pick(random, [0, 1, 1.5, 100, true, false, null]);
    case 4: return { prefix: s() };
    case 5: return { prefix: { 'equals-ignore-case': s() } };
    case 6: return { suffix: s() || 'b' };
    case 7: return { 'equals-ignore-case': s() };
    case 8: return { 'anything-but': random() < 0.5 ? s() : [s(), s()] };
    case 9: return { 'anything-but': { prefix: s() || 'a' } };
    case 10: return { exists: random() < 0.6 };
    case 11: return { numeric: ['>', pick(random, [0, 1, 50])] };
    case 12: return { wildcard: pick(random, ['a*', '*b', 'a*c', '*']) };
    default: return { cidr: '10.0.0.0/24' };
  }
}

/** Nests `value` under the path's segments, sometimes keeping a dotted remainder as one key. */
function place(random: Random, into: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.');
  if (segments.length > 1 && random() < 0.2) {
    into[segments.join('.')] = value;
    return;
  }
  let node = into;
  for (const segment of segments.slice(0, -1)) {
    const next = node[segment];
    node = (next !== null && typeof next === 'object' && !Array.isArray(next) ? next : (node[segment] = {})) as Record<string, unknown>;
  }
  node[segments[segments.length - 1]] = value;
}

function fields(random: Random, count: number): Record<string, unknown> {
  const pattern: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    const list = Array.from({ length: 1 + Math.floor(random() * 3) }, () => matcher(random));
    place(random, pattern, pick(random, PATHS), list);
  }
  return pattern;
}

/** A pattern text; it may be one AWS rejects (e.g. mixed anything-but lists), which callers skip. */
export function randomPattern(random: Random): string {
  const pattern = fields(random, 1 + Math.floor(random() * 3));
  if (random() < 0.2) pattern.$or = [fields(random, 1), fields(random, 1 + Math.floor(random() * 2))];
  return JSON.stringify(pattern);
}

function eventValue(random: Random): unknown {
  const roll = random();
  if (roll < 0.6) return pick(random, SCALARS);
  if (roll < 0.9) return Array.from({ length: Math.floor(random() * 3) }, () => pick(random, SCALARS));
  return { nested: pick(random, SCALARS) };
}

export function randomEvent(random: Random): Record<string, unknown> {
  const event: Record<string, unknown> = {};
  for (const path of PATHS) {
    if (random() < 0.35 || path.startsWith('detail.items')) continue;
    place(random, event, path, eventValue(random));
  }
  if (random() < 0.5) {
    const items = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({ name: pick(random, SCALARS), size: pick(random, SCALARS) }));
    place(random, event, 'detail.items', items);
  }
  return event;
}
