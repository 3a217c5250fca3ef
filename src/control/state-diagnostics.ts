/**
 * asl-validator's schema matches a state against every state type at once (a JSON Schema `oneOf`),
 * so one mistake comes back as whatever each alternative disliked: a Task without `Resource` reads
 * "Type is invalid" and "QueryLanguage is invalid". This rewrites those diagnostics, state by state,
 * into the one real problem — an unknown `Type`, a bad `QueryLanguage`, a missing or unsupported
 * field — and names every machine that lacks a terminal state by where it is (asl-validator numbers
 * them `fsm1`, `fsm2`, …, names a user never wrote).
 * @see https://states-language.net/spec.html
 */
import type { JsonObject } from '../asl/json';
import { isJsonObject } from '../asl/json';
import type { Diagnostic } from './definition-validation';

const COMMON = ['Type', 'Comment', 'QueryLanguage'];
const IO = ['InputPath', 'OutputPath', 'Assign', 'Output'];
const FLOW = ['Next', 'End'];
const RESULT = ['Parameters', 'Arguments', 'ResultPath', 'ResultSelector'];
const RECOVERY = ['Retry', 'Catch'];

/** Each state type's fields, and the ones it cannot do without (one of a group for Map). */
const STATE_TYPES: Record<string, { fields: string[]; required: string[][] }> = {
  Pass: { fields: [...FLOW, ...IO, 'Parameters', 'ResultPath', 'Result'], required: [] },
  Task: {
    fields: [...FLOW, ...IO, ...RESULT, ...RECOVERY, 'Resource', 'TimeoutSeconds', 'TimeoutSecondsPath', 'HeartbeatSeconds', 'HeartbeatSecondsPath', 'Credentials'],
    required: [['Resource']],
  },
  Choice: { fields: [...IO, 'Choices', 'Default'], required: [['Choices']] },
  Wait: { fields: [...FLOW, ...IO, 'Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath'], required: [] },
  Succeed: { fields: [...IO], required: [] },
  Fail: { fields: ['Error', 'ErrorPath', 'Cause', 'CausePath'], required: [] },
  Parallel: { fields: [...FLOW, ...IO, ...RESULT, ...RECOVERY, 'Branches'], required: [['Branches']] },
  Map: {
    fields: [
      ...FLOW, ...IO, ...RESULT, ...RECOVERY, 'ItemProcessor', 'Iterator', 'ItemsPath', 'Items', 'ItemSelector', 'ItemReader', 'ItemBatcher', 'ResultWriter', 'Label',
      'MaxConcurrency', 'MaxConcurrencyPath', 'ToleratedFailureCount', 'ToleratedFailureCountPath', 'ToleratedFailurePercentage', 'ToleratedFailurePercentagePath',
    ],
    required: [['ItemProcessor', 'Iterator']],
  },
};
const QUERY_LANGUAGES = ['JSONPath', 'JSONata'];

interface StateAt {
  /** `/States/Train` or `/States/Each/ItemProcessor/States/Double` */
  path: string;
  name: string;
  state: JsonObject;
}

/** Rewrites asl-validator's diagnostics for `definition` (as the user wrote it). */
export function refineDiagnostics(definition: JsonObject, diagnostics: Diagnostic[]): Diagnostic[] {
  const states = statesOf(definition, '');
  const owner = (d: Diagnostic) => states.filter((s) => d.location === s.path || d.location?.startsWith(`${s.path}/`)).sort((a, b) => b.path.length - a.path.length)[0];
  const refined: Diagnostic[] = [];
  const ownerOf = new Map(diagnostics.map((d) => [d, d.code === 'SCHEMA_VALIDATION_FAILED' ? owner(d) : undefined]));
  // A state with a precise complaint (a bad path, a bad Retry) has that problem, and not its Type.
  const precise = new Set(diagnostics.flatMap((d) => { const at = ownerOf.get(d); return at && !isAmbiguous(d, at) ? [at.path] : []; }));
  const rewritten = new Set<string>();
  for (const d of diagnostics) {
    if (d.code === 'MISSING_TERMINAL_STATE') continue;
    const at = ownerOf.get(d);
    if (!at || !isAmbiguous(d, at)) {
      refined.push(d);
      continue;
    }
    if (rewritten.has(at.path) || (precise.has(at.path) && validTypeAndLanguage(at.state))) continue;
    rewritten.add(at.path);
    refined.push(...stateProblems(at));
  }
  if (diagnostics.some((d) => d.code === 'MISSING_TERMINAL_STATE')) refined.push(...missingTerminals(definition, ''));
  return refined;
}

/** Errors that come from the `oneOf` over state types rather than from the state's own type. */
function isAmbiguous(d: Diagnostic, at: StateAt): boolean {
  return d.location === at.path || d.location === `${at.path}/Type` || d.location === `${at.path}/QueryLanguage`;
}

function validTypeAndLanguage(state: JsonObject): boolean {
  return typeof state.Type === 'string' && Object.hasOwn(STATE_TYPES, state.Type) && (!('QueryLanguage' in state) || QUERY_LANGUAGES.includes(state.QueryLanguage as string));
}

function stateProblems({ path, name, state }: StateAt): Diagnostic[] {
  const type = state.Type;
  const problem = (message: string, location = path): Diagnostic => ({ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message, location });
  const spec = typeof type === 'string' && Object.hasOwn(STATE_TYPES, type) ? STATE_TYPES[type] : undefined;
  if (!spec) {
    return [problem(`State "${name}" has ${type === undefined ? 'no Type' : `the Type ${JSON.stringify(type)}`}: it must be one of ${Object.keys(STATE_TYPES).join(', ')}`, `${path}/Type`)];
  }
  if ('QueryLanguage' in state && !QUERY_LANGUAGES.includes(state.QueryLanguage as string)) {
    return [problem(`State "${name}" has the QueryLanguage ${JSON.stringify(state.QueryLanguage)}: it must be JSONPath or JSONata`, `${path}/QueryLanguage`)];
  }
  const problems = [
    // AWS's wording, with the state named: the location is the state, as AWS gives it.
    ...Object.keys(state).filter((field) => !COMMON.includes(field) && !spec.fields.includes(field)).map((field) => problem(`The field '${field}' is not supported by Step Functions in ${type} state "${name}"`)),
    ...spec.required.filter((oneOf) => !oneOf.some((field) => field in state)).map((oneOf) => problem(`These fields are required: [${oneOf.join(' or ')}] in ${type} state "${name}"`)),
  ];
  return problems.length > 0 ? problems : [problem(`${type} state "${name}" does not have the fields a ${type} state must have (see the States Language specification)`)];
}

function statesOf(machine: JsonObject, at: string): StateAt[] {
  if (!isJsonObject(machine.States)) return [];
  return Object.entries(machine.States).flatMap(([name, state]) => {
    if (!isJsonObject(state)) return [];
    const path = `${at}/States/${name}`;
    return [{ path, name, state }, ...nestedMachines(state, path).flatMap(([nested, nestedAt]) => statesOf(nested, nestedAt))];
  });
}

function nestedMachines(state: JsonObject, path: string): [JsonObject, string][] {
  const branches = Array.isArray(state.Branches) ? state.Branches : [];
  return [
    ...branches.flatMap((branch, i): [JsonObject, string][] => (isJsonObject(branch) ? [[branch, `${path}/Branches/${i}`]] : [])),
    ...(['ItemProcessor', 'Iterator'] as const).flatMap((key): [JsonObject, string][] => (isJsonObject(state[key]) ? [[state[key] as JsonObject, `${path}/${key}`]] : [])),
  ];
}

/** Each machine (the top one, a branch, a Map's processor) needs a state that ends it. */
function missingTerminals(machine: JsonObject, at: string): Diagnostic[] {
  if (!isJsonObject(machine.States)) return [];
  const states = Object.values(machine.States).filter(isJsonObject);
  const own = states.some((s) => s.End === true || s.Type === 'Succeed' || s.Type === 'Fail')
    ? []
    : [{
        severity: 'ERROR' as const,
        code: 'MISSING_TERMINAL_STATE',
        message: `${at === '' ? 'The state machine' : `The states of ${at}`} ${at === '' ? 'has' : 'have'} no terminal state: a state with "End": true, or a Succeed or Fail state`,
        location: `${at}/States`,
      }];
  const nested = Object.entries(machine.States).flatMap(([name, state]) => (isJsonObject(state) ? nestedMachines(state, `${at}/States/${name}`) : []));
  return [...own, ...nested.flatMap(([m, path]) => missingTerminals(m, path))];
}
