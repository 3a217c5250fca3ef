/**
 * Table-driven from the AWS-recorded corpus: the JSONata fields of cases whose definitions are
 * chains of Pass states (plus a Map's `Items` with a pass-through Pass processor, or a Choice
 * leading to Pass/Fail states), where the recorded outcome pins down what each expression must give.
 */
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Json, JsonObject } from '../../../src/asl/json';
import {
  evaluateJsonataCondition,
  evaluateJsonataItems,
  evaluateJsonataTemplate,
  type JsonataBindings,
} from '../../../src/interpreter/jsonata';

interface Case {
  id: string;
  features: string[];
  definition: { StartAt: string; States: Record<string, JsonObject>; QueryLanguage?: string };
  input: string;
  expect: { status: string; output?: Json; error?: string; cause?: string; reliability: string };
}

const STATE_PREFIX = /^An error occurred while executing the state '[^']*' \(entered at the event id #\d+\)\. /;
const PASS_THROUGH_KEYS = new Set(['Type', 'Next', 'End', 'QueryLanguage', 'Comment']);

const cases: Case[] = readFileSync(resolve(__dirname, '../../../../shared/conformance/sfn-cases.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Case)
  .filter((c) => c.features.includes('jsonata') && c.expect.reliability === 'exact');

type Outcome = { output: Json } | { cause: string } | { status: string };

/** Only Pass states, pass-through Maps with Items, Choices, and plain Fail states (any order). */
function isCovered(c: Case): boolean {
  const { definition } = c;
  return Object.values(definition.States).every((state) => {
    const jsonata = (state.QueryLanguage ?? definition.QueryLanguage) === 'JSONata';
    if (!jsonata) return Object.keys(state).every((key) => PASS_THROUGH_KEYS.has(key) || (state.Type === 'Fail' && key === 'Cause'));
    if (state.Type === 'Map') return isPassThroughMap(state);
    return state.Type === 'Pass' || state.Type === 'Choice' || (state.Type === 'Fail' && state.Error === undefined);
  });
}

/** Walks the chain from StartAt, evaluating each state's JSONata fields as the interpreter would. */
async function run(c: Case): Promise<Outcome> {
  const { definition } = c;
  let input = JSON.parse(c.input) as Json;
  let variables: Record<string, Json> = {};
  let name: string | undefined = definition.StartAt;
  try {
    while (name !== undefined) {
      const state: JsonObject = definition.States[name];
      const bindings: JsonataBindings = { states: { input, context: {} }, variables };
      if (state.Type === 'Pass' || state.Type === 'Map') {
        const result = state.Type === 'Map' ? await evaluateJsonataItems(state.Items, bindings) : input;
        const resultBindings = { ...bindings, states: { ...bindings.states, result } };
        const assigned = state.Assign ? ((await evaluateJsonataTemplate(state.Assign, resultBindings, 'Assign')) as JsonObject) : {};
        input = state.Output !== undefined ? await evaluateJsonataTemplate(state.Output, resultBindings, 'Output') : result;
        variables = { ...variables, ...assigned };
        name = state.End ? undefined : (state.Next as string);
      } else if (state.Type === 'Choice') {
        name = await chooseNext(state, bindings);
      } else {
        return { status: 'FAILED' };
      }
    }
  } catch (error) {
    return { cause: (error as { cause: string }).cause };
  }
  return { output: input };
}

function isPassThroughMap(state: JsonObject): boolean {
  const processor = state.ItemProcessor as { States: Record<string, JsonObject> } | undefined;
  const states = Object.values(processor?.States ?? {});
  return state.Items !== undefined && states.length === 1 && Object.keys(states[0]).every((key) => PASS_THROUGH_KEYS.has(key));
}

async function chooseNext(state: JsonObject, bindings: JsonataBindings): Promise<string> {
  const choices = state.Choices as { Condition: string | boolean; Next: string }[];
  for (const [index, choice] of choices.entries()) {
    if (await evaluateJsonataCondition(choice.Condition, bindings, `Choices[${index}]/Condition`)) return choice.Next;
  }
  return state.Default as string;
}

function expected(c: Case): Outcome {
  if (c.expect.status === 'SUCCEEDED') return { output: c.expect.output as Json };
  if (c.expect.error === 'States.QueryEvaluationError') return { cause: (c.expect.cause ?? '').replace(STATE_PREFIX, '') };
  return { status: c.expect.status };
}

const covered = cases.filter(isCovered);

describe('JSONata fields of recorded AWS executions', () => {
  it.each(covered.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    expect(await run(c)).toEqual(expected(c));
  });
});
