import { randomUUID } from 'node:crypto';
import type { Json } from '../../../asl/json';
import { intrinsicFailure } from '../../../asl/errors';
import type { Entropy, PathScope } from '../scope';
import { selectPath } from '../select-path';
import { IntrinsicArguments } from './arguments';
import * as arrays from './array-functions';
import * as encoding from './encoding-functions';
import * as json from './json-functions';
import * as math from './math-functions';
import { parseIntrinsic, type IntrinsicArgument, type IntrinsicCall } from './parse-intrinsic';
import * as strings from './string-functions';

type IntrinsicFunction = (args: IntrinsicArguments, call: IntrinsicCall, entropy: Entropy) => Json;

const DEFAULT_ENTROPY: Entropy = { uuid: randomUUID, random: Math.random };

const FUNCTIONS: Readonly<Record<string, IntrinsicFunction>> = {
  Format: (args, call) => strings.format(args, formatTemplateText(call.args[0], args)),
  StringToJson: json.stringToJson,
  JsonToString: json.jsonToString,
  JsonMerge: json.jsonMerge,
  Array: arrays.array,
  ArrayPartition: arrays.arrayPartition,
  ArrayContains: arrays.arrayContains,
  ArrayRange: arrays.arrayRange,
  ArrayGetItem: arrays.arrayGetItem,
  ArrayLength: arrays.arrayLength,
  ArrayUnique: arrays.arrayUnique,
  Base64Encode: encoding.base64Encode,
  Base64Decode: encoding.base64Decode,
  Hash: encoding.hash,
  MathRandom: (args, _call, entropy) => math.mathRandom(args, entropy.random),
  MathAdd: math.mathAdd,
  StringSplit: strings.stringSplit,
  UUID: (args, _call, entropy) => {
    args.expectCount(0);
    return entropy.uuid();
  },
};

/**
 * Evaluates an intrinsic call such as `States.Format('{}', $.name)`.
 * @param field the template key being filled, named in the cause when a path argument matches nothing.
 * @throws States.IntrinsicFailure for bad arguments, States.Runtime for a path argument that matches nothing.
 */
export function evaluateIntrinsic(expression: string, scope: PathScope, field = expression): Json {
  return evaluateCall(parseIntrinsic(expression), scope, field);
}

function evaluateCall(call: IntrinsicCall, scope: PathScope, field: string): Json {
  const implementation = Object.hasOwn(FUNCTIONS, call.name) ? FUNCTIONS[call.name] : undefined;
  if (!implementation) throw intrinsicFailure(`The intrinsic function 'States.${call.name}' does not exist`);
  const values = call.args.map((argument) => evaluateArgument(argument, scope, field));
  return implementation(new IntrinsicArguments(call.name, values), call, scope.entropy ?? DEFAULT_ENTROPY);
}

function evaluateArgument(argument: IntrinsicArgument, scope: PathScope, field: string): Json {
  switch (argument.kind) {
    case 'literal':
      return argument.value;
    case 'path':
      return selectPath(argument.path, scope, field);
    case 'call':
      return evaluateCall(argument.call, scope, field);
  }
}

/** A literal template keeps its escapes (`\{` is a brace, not a placeholder); a template from a path has none. */
function formatTemplateText(first: IntrinsicArgument | undefined, args: IntrinsicArguments): string {
  if (first?.kind === 'literal' && first.raw !== undefined) return first.raw;
  args.expectCount(1, Infinity);
  return args.string(0);
}
