/** Bounds and optional names of one cron field. */
export interface FieldBounds {
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

export const MINUTES: FieldBounds = { min: 0, max: 59 };
export const HOURS: FieldBounds = { min: 0, max: 23 };
export const DAYS_OF_MONTH: FieldBounds = { min: 1, max: 31 };
export const MONTHS: FieldBounds = {
  min: 1,
  max: 12,
  names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
};
export const DAYS_OF_WEEK: FieldBounds = { min: 1, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] };
export const YEARS: FieldBounds = { min: 1970, max: 2199 };

/**
 * Expands a field made of `,`-separated items, each `*`, `v`, `a-b`, or one of those with `/step`,
 * into its sorted values. A range whose start is after its end wraps around (`FRI-MON`), as in the
 * Quartz syntax AWS cron derives from. Returns undefined when AWS would reject the field.
 */
export function expandListField(text: string, bounds: FieldBounds): number[] | undefined {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const expanded = expandItem(item, bounds);
    if (!expanded) return undefined;
    expanded.forEach((value) => values.add(value));
  }
  return [...values].sort((a, b) => a - b);
}

/** A single value of the field (a number or, for months and weekdays, a name). */
export function parseFieldValue(text: string, bounds: FieldBounds): number | undefined {
  if (/^\d{1,4}$/.test(text)) {
    const value = Number(text);
    return value >= bounds.min && value <= bounds.max ? value : undefined;
  }
  const index = bounds.names?.indexOf(text.toUpperCase()) ?? -1;
  return index >= 0 ? bounds.min + index : undefined;
}

function expandItem(item: string, bounds: FieldBounds): number[] | undefined {
  const [base, stepText, ...rest] = item.split('/');
  if (rest.length > 0) return undefined;
  const range = parseRange(base, bounds, stepText !== undefined);
  if (!range) return undefined;
  const step = stepText === undefined ? 1 : parseStep(stepText, bounds);
  if (step === undefined) return undefined;
  return walk(range.from, range.to, step, bounds);
}

function parseRange(
  base: string,
  bounds: FieldBounds,
  stepped: boolean,
): { from: number; to: number } | undefined {
  if (base === '*') return { from: bounds.min, to: bounds.max };
  const parts = base.split('-');
  if (parts.length > 2) return undefined;
  const from = parseFieldValue(parts[0], bounds);
  const to = parts.length === 2 ? parseFieldValue(parts[1], bounds) : stepped ? bounds.max : from;
  if (from === undefined || to === undefined) return undefined;
  return { from, to };
}

function parseStep(text: string, bounds: FieldBounds): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const step = Number(text);
  return step >= 1 && step <= bounds.max - bounds.min + 1 ? step : undefined;
}

function walk(from: number, to: number, step: number, bounds: FieldBounds): number[] {
  const span = bounds.max - bounds.min + 1;
  const length = (to - from + span) % span;
  const values: number[] = [];
  for (let offset = 0; offset <= length; offset += step) {
    values.push(((from - bounds.min + offset) % span) + bounds.min);
  }
  return values;
}
