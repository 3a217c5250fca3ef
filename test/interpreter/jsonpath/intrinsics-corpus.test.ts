import type { PassState } from '../../../src/asl/definition';
import type { Json, JsonObject } from '../../../src/asl/json';
import { caseInput, loadSfnCases, type SfnCase } from './corpus';
import { contextObjectFor, runPassState } from './pass-state-runner';
import { normalizeOutput, type RunNames } from './snapshot-normalization';

/**
 * Replays the recorded intrinsic-function executions (single Pass state, JSONPath) through the
 * JSONPath functions and compares the final output with AWS's. JSONata cases belong to the JSONata
 * evaluator and are skipped here.
 */
const NAMES: RunNames = { stateMachineName: 'statemachine_7f3a9c', executionName: 'execution-0b41d2' };

const cases = loadSfnCases('intrinsics');
const isJsonata = (sfnCase: SfnCase) => JSON.stringify(sfnCase.definition).includes('"QueryLanguage":"JSONata"');
const replayable = cases.filter((sfnCase) => !isJsonata(sfnCase));

function onlyPassState(sfnCase: SfnCase): [string, PassState] {
  const [[name, state]] = Object.entries(sfnCase.definition.States);
  if (state.Type !== 'Pass') throw new Error(`${sfnCase.id}: expected a single Pass state`);
  return [name, state];
}

function run(sfnCase: SfnCase): Json {
  const [name, state] = onlyPassState(sfnCase);
  const input = caseInput(sfnCase);
  return runPassState(state, input, contextObjectFor(input, NAMES, name));
}

describe('intrinsics corpus', () => {
  it('covers every JSONPath case (JSONata ones are left to the JSONata evaluator)', () => {
    expect(replayable.length).toBe(83);
    expect(cases.length - replayable.length).toBe(31);
  });

  it.each(replayable.map((sfnCase) => [sfnCase.id, sfnCase] as const))('%s', (_id, sfnCase) => {
    expect(sfnCase.expect.status).toBe('SUCCEEDED');
    const output = run(sfnCase);
    const comparable =
      sfnCase.expect.reliability === 'exact' ? output : normalizeOutput(output, sfnCase.normalization, NAMES);
    expect(comparable).toEqual(sfnCase.expect.output);
  });
});

describe('generated values the recording had to normalise', () => {
  const generated = (functionName: string) =>
    replayable.filter((sfnCase) => JSON.stringify(sfnCase.definition).includes(`States.${functionName}(`));

  it.each(generated('UUID').map((sfnCase) => [sfnCase.id, sfnCase] as const))('%s is a version 4 UUID', (_id, sfnCase) => {
    const { FunctionResult } = run(sfnCase) as JsonObject;
    expect(FunctionResult).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it.each(generated('MathRandom').map((sfnCase) => [sfnCase.id, sfnCase] as const))(
    '%s is an integer in [start, end)',
    (_id, sfnCase) => {
      const { fst, snd } = (caseInput(sfnCase) as { FunctionInput: { fst: number; snd: number } }).FunctionInput;
      for (let i = 0; i < 50; i++) {
        const value = (run(sfnCase) as JsonObject).FunctionResult as number;
        expect(Number.isInteger(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(Math.round(fst));
        expect(value).toBeLessThan(Math.round(snd));
      }
    },
  );
});
