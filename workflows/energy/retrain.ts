/**
 * energy-retrain (weekly, and on AccuracyDegraded): Score → Plan → TrainMembers (Map over the
 * calibration windows: each window's LEAR forecasts over the recent span, from history queried from
 * the lake) → Backtest (Map over the champion and every candidate configuration, on the same recent
 * days) → Decide → Promote? → the decision recorded in the model registry (approved or rejected,
 * with the reason) → ModelPromoted.
 *
 * The members are trained once per window rather than once per candidate: candidates share windows
 * (the default space is 16 rules over 8 windows), and a LEAR member is the expensive part.
 */
import { defineEvent, defineWorkflow } from '../../src/builder';
import { ModelPromotedDetail, RetrainInput, RetrainOutput } from './schemas/retrain';
import { BacktestCandidate } from './tasks/backtest-candidate';
import { DecidePromotion } from './tasks/decide-promotion';
import { PlanRetrain } from './tasks/plan-retrain';
import { PromoteVersion } from './tasks/promote-version';
import { RejectVersion } from './tasks/reject-version';
import { ScoreForecasts } from './tasks/score-forecasts';
import { TrainMember } from './tasks/train-member';

export const ModelPromoted = defineEvent({ source: 'statecraft.energy-retrain', detailType: 'ModelPromoted', detail: ModelPromotedDetail });

export const energyRetrain = defineWorkflow(
  { name: 'energy-retrain', input: RetrainInput, output: RetrainOutput, comment: 'Weekly and on AccuracyDegraded: backtest candidate LEAR ensembles against the champion and promote only a better one' },
  (start) =>
    start
      .task('Score', {
        task: ScoreForecasts,
        arguments: (s) => ({ market: s.input.market }),
        assign: (s) => ({ score: s.result }),
        output: (s) => s.input,
      })
      .task('Plan', {
        task: PlanRetrain,
        arguments: (s) => ({ input: s.input, executionName: s.context.Execution.Name }),
        assign: (s) => ({ plan: s.result }),
      })
      .map('TrainMembers', {
        items: (s) => s.vars.plan.windows,
        itemSelector: (s) => ({ market: s.vars.plan.market, window: s.item, span: s.vars.plan.span, runPrefix: s.vars.plan.runPrefix }),
        processor: (member) => member.task('TrainMember', { task: TrainMember, arguments: (s) => s.input }).end(),
      })
      .map('Backtest', {
        items: (s) => s.vars.plan.items,
        itemSelector: (s) => ({ market: s.vars.plan.market, span: s.vars.plan.span, plan: s.vars.plan.plan, fitDays: s.vars.plan.fitDays, runPrefix: s.vars.plan.runPrefix, actual: s.vars.plan.actual, item: s.item }),
        processor: (item) => item.task('BacktestCandidate', { task: BacktestCandidate, arguments: (s) => s.input }).end(),
      })
      .task('Decide', {
        task: DecidePromotion,
        arguments: (s) => ({ results: s.input, margin: s.vars.plan.margin }),
        assign: (s) => ({ decision: s.result }),
      })
      .choice('Promote?', (c) =>
        c
          .when(
            (s) => s.input.promote,
            (yes) =>
              yes
                .task('PromoteVersion', {
                  task: PromoteVersion,
                  arguments: (s) => ({ plan: s.vars.plan, decision: s.vars.decision, executionArn: s.context.Execution.Id }),
                })
                .emit('EmitModelPromoted', {
                  event: ModelPromoted,
                  detail: (s) => ({
                    market: s.vars.plan.market,
                    modelName: s.input.modelName,
                    version: s.input.version,
                    config: s.input.config,
                    backtestMae: s.vars.decision.challenger.metrics.mae,
                    championMae: s.vars.decision.championMetrics.mae,
                    reason: s.input.reason,
                    executionArn: s.context.Execution.Id,
                  }),
                })
                .succeed('Promoted', { output: (s) => ({ status: 'Promoted' as const, market: s.vars.plan.market, score: s.vars.score, decision: s.vars.decision, version: s.input }) }),
          )
          .otherwise((no) =>
            no
              .task('RejectVersion', {
                task: RejectVersion,
                arguments: (s) => ({ plan: s.vars.plan, decision: s.vars.decision, executionArn: s.context.Execution.Id }),
              })
              .succeed('ChampionKept', { output: (s) => ({ status: 'ChampionKept' as const, market: s.vars.plan.market, score: s.vars.score, decision: s.vars.decision, version: s.input }) }),
          ),
      ),
);
