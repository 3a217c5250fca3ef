/**
 * Python's `json.dumps(value)` with its defaults (separators ", " and ": ", ensure_ascii), because the
 * serialized replacements of localstack-snapshot (literal, regex, references) ran on exactly that text.
 *
 * JS has one number type where Python has int and float: integral numbers are written as Python ints
 * (`1`, never `1.0`), others like Python's float repr (`1e-05`, `0.1`). A recording whose value was the
 * float 1.0 therefore serialises differently here; no op of the corpus matches on number text.
 */
import { UnserializableValueError } from './errors';

export function pythonJsonDumps(value: unknown): string {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'number') return pythonNumber(value);
  if (typeof value === 'string') return pythonJsonString(value);
  if (Array.isArray(value)) {
    return `[${value.map((item) => pythonJsonDumps(item === undefined ? null : item)).join(', ')}]`;
  }
  if (value instanceof Date) return pythonJsonString(pythonDatetimeStr(value));
  if (typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .map(([key, member]) => `${pythonJsonString(key)}: ${pythonJsonDumps(member)}`);
    return `{${members.join(', ')}}`;
  }
  throw new UnserializableValueError(value);
}

/** json.dumps(default=str) writes a (UTC) datetime as str(datetime): space separator, +00:00 offset. */
function pythonDatetimeStr(date: Date): string {
  const [day, time] = date.toISOString().replace('Z', '').split('T');
  const [clock, millis] = time.split('.');
  return `${day} ${clock}${millis === '000' ? '' : `.${millis}000`}+00:00`;
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** ensure_ascii escapes everything outside space..tilde, one \uXXXX per UTF-16 unit (as Python does). */
export function pythonJsonString(text: string): string {
  let out = '"';
  for (const unit of text.split('')) {
    const code = unit.charCodeAt(0);
    if (SHORT_ESCAPES[unit] !== undefined) out += SHORT_ESCAPES[unit];
    else if (code >= 0x20 && code <= 0x7e) out += unit;
    else out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

function pythonNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (Number.isInteger(value)) return BigInt(value).toString();
  return pythonFloatRepr(value);
}

/** repr(float): shortest round-trip digits, fixed notation for exponents -4..15, else d.ddde±XX. */
function pythonFloatRepr(value: number): string {
  const [mantissa, exponentText] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  const sign = value < 0 ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const expSign = exponent < 0 ? '-' : '+';
    return `${sign}${digits[0]}${fraction}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1) || '0';
  return `${sign}${whole}.${fraction}`;
}
