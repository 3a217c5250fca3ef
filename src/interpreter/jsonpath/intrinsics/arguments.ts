import type { Json, JsonObject } from '../../../asl/json';
import { intrinsicFailure, type StatesError } from '../../../asl/errors';

/** Argument checks shared by the intrinsic functions; each failure is a States.IntrinsicFailure. */
export class IntrinsicArguments {
  constructor(
    readonly functionName: string,
    readonly values: readonly Json[],
  ) {}

  expectCount(min: number, max = min): this {
    const count = this.values.length;
    if (count < min || count > max) {
      const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
      throw this.failure(`expected ${expected} argument(s) but received ${count}`);
    }
    return this;
  }

  string(index: number): string {
    const value = this.values[index];
    if (typeof value !== 'string') throw this.typeFailure(index, 'a string');
    return value;
  }

  number(index: number): number {
    const value = this.values[index];
    if (typeof value !== 'number') throw this.typeFailure(index, 'a number');
    return value;
  }

  integer(index: number): number {
    const value = this.values[index];
    if (typeof value !== 'number' || !Number.isInteger(value)) throw this.typeFailure(index, 'an integer');
    return value;
  }

  boolean(index: number): boolean {
    const value = this.values[index];
    if (typeof value !== 'boolean') throw this.typeFailure(index, 'a boolean');
    return value;
  }

  array(index: number): Json[] {
    const value = this.values[index];
    if (!Array.isArray(value)) throw this.typeFailure(index, 'a JSON array');
    return value;
  }

  object(index: number): JsonObject {
    const value = this.values[index];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw this.typeFailure(index, 'a JSON object');
    return value;
  }

  failure(problem: string): StatesError {
    return intrinsicFailure(`Invalid arguments in States.${this.functionName}: ${problem}`);
  }

  private typeFailure(index: number, expected: string): StatesError {
    return this.failure(`the ${ordinal(index)} argument must be ${expected} but was ${JSON.stringify(this.values[index]) ?? 'missing'}`);
  }
}

function ordinal(index: number): string {
  return ORDINALS[index] ?? `${index + 1}th`;
}

const ORDINALS = ['first', 'second', 'third', 'fourth'];
