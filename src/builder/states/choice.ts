/**
 * Choice: the first rule whose condition holds picks the next state; otherwise the default path.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
import { toConditionNode, type Condition } from '../conditions';
import type { Flow } from '../flow';
import { recordingScope, type Scope } from '../scope';
import type { ChoiceConfig, ChoiceRuleConfig } from '../state-config';
import type { Merge, StateRef, Terminal } from '../types';
import type { BranchOpener } from './catch';
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
   * When `condition` holds, continue at `then`: a new path or a declared state.
   * @example c.when((s) => gte(s.input.mean, s.vars.baseline), (b) => b.task('FitFinal', { … }).end())
   */
  when<R = never, Q = P, A extends object = {}>(
    condition: (s: Scope<P, V>) => Condition | boolean,
    then: StateRef<NoInfer<Q>, NoInfer<Merge<V, A>>> | ((b: Flow<NoInfer<Q>, NoInfer<Merge<V, A>>>) => Terminal<R>),
    options: ChoiceRuleOptions<P, V, Q, A> = {},
  ): ChoiceBuilder<P, V, E | R> {
    const rule: ChoiceRuleConfig = {
      condition: toConditionNode(condition(recordingScope() as never)),
      next: '',
      output: record(options.output, 'rule output'),
      assign: recordAssignments(options.assign, 'rule assign'),
    };
    this.rules.push(rule);
    const flow = this.open((name) => {
      rule.next = name;
    });
    if (typeof then === 'function') then(flow as never);
    else flow.goto(then as StateRef<unknown, unknown>);
    return this as ChoiceBuilder<P, V, E | R>;
  }

  /** Where to go when no rule holds. Without it, the Choice's default path is the flow it returns. */
  otherwise<R>(then: StateRef<P, V> | ((b: Flow<P, V>) => Terminal<R>)): ClosedChoice<E | R> {
    const flow = this.open((name) => {
      this.default = name;
    });
    if (typeof then === 'function') then(flow as never);
    else flow.goto(then as StateRef<unknown, unknown>);
    return { closed: true };
  }

  config(comment: string | undefined): ChoiceConfig {
    return { type: 'Choice', comment, rules: this.rules, default: this.default };
  }
}
