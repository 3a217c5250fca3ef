/**
 * Choice: the first rule whose condition holds picks the next state; otherwise the default path.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
import { toConditionNode, type Condition } from '../conditions';
import { recordingScope, type Scope } from '../scope';
import type { ChoiceConfig, ChoiceRuleConfig } from '../state-config';
import type { Merge } from '../types';
import { continueAt, type BranchOpener, type Target } from './catch';
import { record, recordAssignments } from './common';

export interface ChoiceRuleOptions<P, V, Q, A> {
  /** What the rule's target receives. @default - the state's input */
  output?: (s: Scope<P, V>) => Q;
  assign?: (s: Scope<P, V>) => A;
}

/** A Choice with an `otherwise` path: nothing follows it. */
export interface ClosedChoice<E> {
  readonly closed: true;
  readonly __exits?: E;
}

/** Collects a Choice's rules; `E` is the union of the outputs its paths end with. */
export class ChoiceBuilder<P, V, E = never> {
  readonly rules: ChoiceRuleConfig[] = [];
  default?: string;

  constructor(private readonly open: BranchOpener) {}

  /**
   * When `condition` holds, continue at `then`: a new path or a declared state. Rule options
   * (output, assign) come before `then` so that the path is typed by them.
   * @example c.when((s) => gte(s.input.mean, s.vars.baseline), (b) => b.task('FitFinal', { … }).end())
   * @example c.when((s) => s.input.ready, { assign: (s) => ({ at: s.context.State.EnteredTime }) }, (b) => b.succeed('Ready'))
   */
  when<R = never>(condition: (s: Scope<P, V>) => Condition | boolean, then: Target<P, V, R>): ChoiceBuilder<P, V, E | R>;
  when<R = never, Q = P, A extends object = {}>(
    condition: (s: Scope<P, V>) => Condition | boolean,
    options: ChoiceRuleOptions<P, V, Q, A>,
    then: Target<Q, Merge<V, A>, R>,
  ): ChoiceBuilder<P, V, E | R>;
  when(
    condition: (s: Scope<P, V>) => Condition | boolean,
    optionsOrThen: unknown,
    then?: unknown,
  ): ChoiceBuilder<P, V, unknown> {
    const options = then === undefined ? {} : (optionsOrThen as ChoiceRuleOptions<P, V, unknown, object>);
    const rule: ChoiceRuleConfig = {
      condition: toConditionNode(condition(recordingScope() as never)),
      next: '',
      output: record(options.output, 'rule output'),
      assign: recordAssignments(options.assign, 'rule assign'),
    };
    this.rules.push(rule);
    continueAt(this.open((name) => {
      rule.next = name;
    }), (then ?? optionsOrThen) as Target<unknown, unknown, unknown>);
    return this;
  }

  /** Where to go when no rule holds. Without it, the Choice's default path is the flow it returns. */
  otherwise<R = never>(then: Target<P, V, R>): ClosedChoice<E | R> {
    continueAt(this.open((name) => {
      this.default = name;
    }), then as Target<unknown, unknown, unknown>);
    return { closed: true };
  }

  config(comment: string | undefined): ChoiceConfig {
    return { type: 'Choice', comment, rules: this.rules, default: this.default };
  }
}
