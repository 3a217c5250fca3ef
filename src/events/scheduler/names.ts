/** The constraints Scheduler declares for names, lengths and numbers, checked before anything is stored. */
import { constraintViolation } from './errors';

const NAME = /^[0-9a-zA-Z-_.]+$/;

/** Schedule and group names: 1–64 of `[0-9a-zA-Z-_.]`. */
export function requireName(value: unknown, member: string): string {
  if (typeof value !== 'string' || value.length === 0) throw constraintViolation(value, member, 'Member must not be null');
  if (value.length > 64) throw constraintViolation(value, member, 'Member must have length less than or equal to 64');
  if (!NAME.test(value)) throw constraintViolation(value, member, 'Member must satisfy regular expression pattern: ^[0-9a-zA-Z-_.]+$');
  return value;
}

/** An optional string of at most `max` characters (and at least `min`). */
export function optionalString(value: unknown, member: string, max: number, min = 0): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw constraintViolation(value, member, 'Member must be a string');
  if (value.length < min) throw constraintViolation(value, member, `Member must have length greater than or equal to ${min}`);
  if (value.length > max) throw constraintViolation(value, member, `Member must have length less than or equal to ${max}`);
  return value;
}

export function requireString(value: unknown, member: string, max: number): string {
  const text = optionalString(value, member, max, 1);
  if (text === undefined) throw constraintViolation(value, member, 'Member must not be null');
  return text;
}

export function optionalInteger(value: unknown, member: string, min: number, max: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw constraintViolation(value, member, `Member must have value between ${min} and ${max}`);
  }
  return value;
}

export function optionalEnum<T extends string>(value: unknown, member: string, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw constraintViolation(value, member, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
  }
  return value as T;
}
