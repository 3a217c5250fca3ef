import type { Json } from '../../../asl/json';
import type { IntrinsicArguments } from './arguments';
import { JavaRandom } from '../../java-random';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** States.MathAdd: AWS rounds each operand to an integer (half up, as Java's Math.round) before adding. */
export function mathAdd(args: IntrinsicArguments): Json {
  args.expectCount(2);
  const sum = javaInt(args, 0) + javaInt(args, 1);
  return sum + 0; // Math.round(-0.4) is -0; JSON has no negative zero.
}

/** States.MathRandom(start, end[, seed]): an integer in [start, end). */
export function mathRandom(args: IntrinsicArguments, random: () => number): Json {
  args.expectCount(2, 3);
  const start = javaInt(args, 0);
  const end = javaInt(args, 1);
  if (end <= start) throw args.failure(`the end (${end}) must be greater than the start (${start})`);
  const span = end - start;
  if (args.values.length === 3) return start + new JavaRandom(javaInt(args, 2)).nextInt(span);
  return start + Math.floor(random() * span);
}

function javaInt(args: IntrinsicArguments, index: number): number {
  const rounded = Math.round(args.number(index));
  if (rounded < INT_MIN || rounded > INT_MAX) {
    throw args.failure(`the value ${args.values[index]} is outside the integer range ${INT_MIN} to ${INT_MAX}`);
  }
  return rounded;
}
