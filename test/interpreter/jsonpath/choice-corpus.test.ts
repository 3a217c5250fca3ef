import type { ChoiceState, State } from '../../../src/asl/definition';
import type { Json } from '../../../src/asl/json';
import { evaluateChoiceRule, type PathScope } from '../../../src/interpreter/jsonpath';
import { jsonEquals } from '../../../src/interpreter/jsonpath/json-text';
import { caseInput, loadSfnCases, type SfnCase } from './corpus';

/**
 * Replays the recorded Choice executions through evaluateChoiceRule: the branch our rules pick must be
 * the one AWS took, read from the recorded history when there is one, otherwise from the output (each
 * branch is a Pass state emitting a distinct Result).
 */
const cases = loadSfnCases('choice');
const isJsonata = (state: State) => state.QueryLanguage === 'JSONata';

function startChoice(sfnCase: SfnCase): ChoiceState {
  const state = sfnCase.definition.States[sfnCase.definition.StartAt];
  if (state.Type !== 'Choice') throw new Error(`${sfnCase.id}: the machine does not start with a Choice state`);
  return state;
}

function nextStateChosen(state: ChoiceState, input: Json): string | undefined {
  const scope: PathScope = { input, context: {}, variables: {} };
  return state.Choices.find((rule) => evaluateChoiceRule(rule, scope))?.Next ?? state.Default;
}

function nextStateRecorded(sfnCase: SfnCase): string | undefined {
  if (sfnCase.history) {
    const entered = sfnCase.history.filter((event) => event.stateEnteredEventDetails);
    return entered[1]?.stateEnteredEventDetails?.name;
  }
  const branches = Object.entries(sfnCase.definition.States).filter(
    ([, state]) => state.Type === 'Pass' && state.Result !== undefined && jsonEquals(state.Result, sfnCase.expect.output ?? null),
  );
  return branches.length === 1 ? branches[0][0] : undefined;
}

const jsonPathCases = cases.filter((sfnCase) => !isJsonata(startChoice(sfnCase)));

describe('choice corpus', () => {
  it('replays every JSONPath Choice case (JSONata Conditions belong to the JSONata evaluator)', () => {
    expect(jsonPathCases.length).toBe(322);
    expect(cases.length - jsonPathCases.length).toBe(5);
  });

  it.each(jsonPathCases.map((sfnCase) => [sfnCase.id, sfnCase] as const))('%s', (_id, sfnCase) => {
    const recorded = nextStateRecorded(sfnCase);
    expect(recorded).toBeDefined();
    expect(nextStateChosen(startChoice(sfnCase), caseInput(sfnCase))).toBe(recorded);
  });
});
