/** Name constraints EventBridge declares for its resources, checked before anything is stored. */
import { constraintViolation } from './errors';

const NAME = /^[.\-_A-Za-z0-9]+$/;
const BUS_NAME = /^[/.\-_A-Za-z0-9]+$/;

/** Rule, target and archive names: 1–64 of `[.\-_A-Za-z0-9]` (archives allow 48). */
export function requireName(value: unknown, member: string, maxLength = 64): string {
  if (typeof value !== 'string' || value.length === 0) throw constraintViolation(value ?? 'null', member, 'Member must not be null');
  if (value.length > maxLength) throw constraintViolation(value, member, `Member must have length less than or equal to ${maxLength}`);
  if (!NAME.test(value)) throw constraintViolation(value, member, 'Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+');
  return value;
}

/** CreateEventBus names: 1–256 of `[/\.\-_A-Za-z0-9]`. */
export function requireBusName(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) throw constraintViolation(value ?? 'null', 'name', 'Member must not be null');
  if (value.length > 256) throw constraintViolation(value, 'name', 'Member must have length less than or equal to 256');
  if (!BUS_NAME.test(value)) throw constraintViolation(value, 'name', 'Member must satisfy regular expression pattern: [/\\.\\-_A-Za-z0-9]+');
  return value;
}
