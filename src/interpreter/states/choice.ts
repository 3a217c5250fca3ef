/**
 * Choice: the first rule that matches names the next state; otherwise Default, otherwise
 * States.NoChoiceMatched.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
import type { ChoiceRule, ChoiceState } from '../../asl/definition';
import type { Json } from '../../asl/json';
import { StatesError, StatesErrors } from '../../asl/errors';
import { evaluateJsonataCondition } from '../jsonata';
import { applyInputPath, evaluateChoiceRule } from '../jsonpath';
import { jsonataBindings, passThroughOutput, pathScope, type MaybePromise } from '../query';
import type { StateContext } from '../runtime';
import { then, type StateOutcome } from './outcome';

export function evaluateChoice(state: ChoiceState, input: Json, ctx: StateContext): MaybePromise<StateOutcome> {
  return then(firstMatch(state, input, ctx), (rule) => {
    const next = rule?.Next ?? state.Default;
    if (next === undefined) {
      throw new StatesError(StatesErrors.NoChoiceMatched, `An error occurred while executing the state '${ctx.stateName}' (entered at the event id #${ctx.enteredEventId}). Failed to find a choice that matches the input.`, false);
    }
    // A matched rule's Assign/Output take the place of the state's own.
    const flow = rule && (rule.Assign !== undefined || rule.Output !== undefined || state.Assign !== undefined)
      ? { InputPath: state.InputPath, OutputPath: state.OutputPath, Assign: rule.Assign, Output: rule.Output ?? state.Output }
      : state;
    return then(passThroughOutput(ctx, flow, input), (r) => ({ output: r.output, assigned: r.assigned, next }));
  });
}

function firstMatch(state: ChoiceState, input: Json, ctx: StateContext): MaybePromise<ChoiceRule | undefined> {
  if (ctx.queryLanguage === 'JSONata') return firstJsonataMatch(state, input, ctx);
  const scope = pathScope(ctx, input);
  const filtered = state.InputPath === undefined ? scope : scope.withInput(applyInputPath(input, state.InputPath, scope));
  for (const rule of state.Choices) if (evaluateChoiceRule(rule, filtered)) return rule;
  return undefined;
}

async function firstJsonataMatch(state: ChoiceState, input: Json, ctx: StateContext): Promise<ChoiceRule | undefined> {
  const bindings = jsonataBindings(ctx, input);
  for (let i = 0; i < state.Choices.length; i++) {
    const rule = state.Choices[i];
    if (await evaluateJsonataCondition(rule.Condition ?? false, bindings, `Choices[${i}].Condition`)) return rule;
  }
  return undefined;
}
