/**
 * An hourly CSV table: a timestamp column then numeric columns, whole days of 24 hours with no
 * gap. Market files and published-forecast files share this shape; both readers build on it.
 */
import { MarketDataError } from './market-data-error';

export interface HourlyTable {
  /** Column names after the timestamp, trimmed (the benchmark's header has leading spaces). */
  readonly columns: readonly string[];
  /** Delivery days `YYYY-MM-DD`, consecutive. */
  readonly days: readonly string[];
  /** One array per column, `days.length × 24` values, hour-major within a day. */
  readonly values: readonly Float64Array[];
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const DAY_MS = 86_400_000;

/** Parses `text` (the contents of `file`, named in every error). */
export function parseHourlyTable(text: string, file: string): HourlyTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length < 2) throw new MarketDataError('EmptyFile', 'no data rows after the header.', { file });
  const header = splitRow(lines[0]);
  if (header.length < 2) throw new MarketDataError('MissingColumn', 'the header needs a timestamp column and at least one value column.', { file, line: 1 });
  const columns = header.slice(1);
  const rows = lines.length - 1;
  const values = columns.map(() => new Float64Array(Math.ceil(rows / 24) * 24));
  const days: string[] = [];
  let firstDayMs = NaN;
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    const cells = splitRow(lines[i]);
    if (cells.length !== header.length) {
      throw new MarketDataError('RaggedRow', `${cells.length} fields where the header has ${header.length}.`, { file, line });
    }
    const { day, hour } = parseTimestamp(cells[0], file, line, header[0]);
    const dayMs = Date.parse(`${day}T00:00:00Z`);
    if (i === 1) firstDayMs = dayMs;
    const expected = i - 1;
    const actual = Math.round((dayMs - firstDayMs) / DAY_MS) * 24 + hour;
    if (actual !== expected) throw positionError(actual, expected, firstDayMs, file, line, header[0]);
    if (hour === 0) days.push(day);
    for (let c = 0; c < columns.length; c++) values[c][expected] = parseNumber(cells[c + 1], file, line, columns[c]);
  }
  if (rows % 24 !== 0) {
    throw new MarketDataError('MissingHour', `the last day, ${days[days.length - 1]}, has ${rows % 24} of 24 hours.`, { file, line: lines.length });
  }
  return { columns, days, values };
}

function splitRow(line: string): string[] {
  return line.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1').trim());
}

function parseTimestamp(cell: string, file: string, line: number, column: string): { day: string; hour: number } {
  const match = TIMESTAMP.exec(cell);
  const hour = match ? Number(match[2]) : NaN;
  if (!match || hour > 23 || match[3] !== '00' || Number.isNaN(Date.parse(`${match[1]}T00:00:00Z`))) {
    throw new MarketDataError('BadTimestamp', `'${cell}' is not an hourly timestamp YYYY-MM-DD HH:00[:00].`, { file, line, column: column || 'timestamp' });
  }
  return { day: match[1], hour };
}

function parseNumber(cell: string, file: string, line: number, column: string): number {
  const value = cell === '' ? NaN : Number(cell);
  if (!Number.isFinite(value)) {
    throw new MarketDataError('NonNumericValue', `'${cell}' is not a number.`, { file, line, column });
  }
  return value;
}

/** The row at position `expected` (0-based hour since the first) is stamped `actual`: say why. */
function positionError(actual: number, expected: number, firstDayMs: number, file: string, line: number, column: string): MarketDataError {
  const where = { file, line, column: column || 'timestamp' };
  const stamp = (hourIndex: number): string => {
    const ms = firstDayMs + Math.floor(hourIndex / 24) * DAY_MS;
    return `${new Date(ms).toISOString().slice(0, 10)} ${String(((hourIndex % 24) + 24) % 24).padStart(2, '0')}:00`;
  };
  if (actual < expected) {
    const duplicate = actual === expected - 1;
    return new MarketDataError(duplicate ? 'DuplicateHour' : 'OutOfOrder', duplicate ? `duplicate hour ${stamp(actual)}.` : `hour ${stamp(actual)} comes after ${stamp(expected - 1)}.`, where);
  }
  const missing = actual - expected;
  return new MarketDataError('MissingHour', `hour ${stamp(expected)}${missing > 1 ? ` and the ${missing - 1} hour(s) after it` : ''} missing (the row is ${stamp(actual)}).`, where);
}
