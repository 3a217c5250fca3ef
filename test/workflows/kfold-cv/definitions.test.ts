/** Every registered workflow renders to ASL that asl-validator and our own engine accept. */
import { validateDefinition } from '../../../src/control/definition-validation';
import { registry } from '../../../workflows/registry';
import { kfoldCv } from '../../../workflows/kfold-cv/workflow';
import { aslProblems } from '../../builder/asl-validity';

describe.each(registry.workflows.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
  const definition = entry.workflow.definition();

  test('passes asl-validator', () => {
    expect(aslProblems(definition)).toBe('');
  });

  test("passes the engine's definition validation", () => {
    expect(validateDefinition(JSON.stringify(definition))).toEqual({ result: 'OK', diagnostics: [] });
  });

  test('every rule targets a registered workflow', () => {
    for (const rule of entry.rules) expect(registry.workflows.map((w) => w.name)).toContain(rule.target.workflow);
  });
});

describe('kfold-cv', () => {
  test('tells infrastructure which functions it invokes and which events it emits', () => {
    expect(kfoldCv.tasks().map((task) => task.name).sort()).toEqual([
      'kfold-aggregate',
      'kfold-fit-final',
      'kfold-propose-candidates',
      'kfold-register-model',
      'kfold-select-best',
      'kfold-split',
      'kfold-train-fold',
    ]);
    expect(kfoldCv.emittedEvents().map((event) => `${event.source}/${event.detailType}`)).toEqual(['statecraft.kfold-cv/ModelRegistered']);
    expect(kfoldCv.nestedStateMachines()).toEqual([]);
  });

  test('has the stages of the brief: folds and candidates are Map iterations, the baseline a Choice', () => {
    const states = kfoldCv.definition().States;
    expect(Object.keys(states).sort()).toEqual(
      ['BelowBaseline', 'EmitModelRegistered', 'EvaluateCandidates', 'FitFinal', 'MeetsBaseline?', 'ProposeCandidates', 'RecordRound', 'Registered', 'RegisterModel', 'SearchDone?', 'SelectBest', 'Split'].sort(),
    );
    const evaluate = states.EvaluateCandidates as { Type: string; ItemProcessor: { States: Record<string, { Type: string; ItemProcessor?: { States: Record<string, unknown> } }> } };
    expect(evaluate.Type).toBe('Map');
    expect(Object.keys(evaluate.ItemProcessor.States)).toEqual(['Folds', 'Aggregate']);
    expect(Object.keys(evaluate.ItemProcessor.States.Folds.ItemProcessor!.States)).toEqual(['TrainFold']);
    expect(states['MeetsBaseline?']).toMatchObject({ Type: 'Choice', Choices: [{ Condition: '{% $states.input.best.mean >= $plan.baselineScore %}', Next: 'FitFinal' }], Default: 'BelowBaseline' });
  });

  test('retries transient failures of the tasks that can have them, never a bad dataset', () => {
    const states = kfoldCv.definition().States as Record<string, { Retry?: { ErrorEquals: string[] }[] }>;
    for (const name of ['Split', 'FitFinal', 'RegisterModel']) {
      expect(states[name].Retry?.[0].ErrorEquals).toEqual(expect.arrayContaining(['Lambda.ServiceException', 'Lambda.TooManyRequestsException']));
      expect(states[name].Retry?.[0].ErrorEquals).not.toContain('States.ALL');
    }
  });
});
