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
import { jsonataBindings, passThroughOutput, pathScope } from '../query';
import type { StateContext } from '../runtime';
import type { StateOutcome } from './outcome';

export async function evaluateChoice(state: ChoiceState, input: Json, ctx: StateContext): Promise<StateOutcome> {
  const rule = await firstMatch(state, input, ctx);
  const next = rule?.Next ?? state.Default;
  if (next === undefined) {
    throw new StatesError(StatesErrors.NoChoiceMatched, `An error occurred while executing the state '${ctx.stateName}' (entered at the event id #${ctx.enteredEventId}). Failed to find a choice that matches the input.`, false);
  }
  // A matched rule's Assign/Output take the place of the state's own.
  const flow = rule ? { ...state, Assign: rule.Assign ?? undefined, Output: rule.Output ?? state.Output } : state;
  return { ...(await passThroughOutput(ctx, flow, input)), next };
}

async function firstMatch(state: ChoiceState, input: Json, ctx: StateContext): Promise<ChoiceRule | undefined> {
  if (ctx.queryLanguage === 'JSONata') {
    const bindings = jsonataBindings(ctx, input);
    for (let i = 0; i < state.Choices.length; i++) {
      const rule = state.Choices[i];
      if (await evaluateJsonataCondition(rule.Condition ?? false, bindings, `Choices[${i}].Condition`)) return rule;
    }
    return undefined;
  }
  const scope = pathScope(ctx, input);
  const filtered = scope.withInput(applyInputPath(input, state.InputPath, scope));
  return state.Choices.find((rule) => evaluateChoiceRule(rule, filtered));
}
