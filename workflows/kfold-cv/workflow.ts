/**
 * k-fold cross-validation with hyperparameter search (`kfold-cv`):
 * Split → [ProposeCandidates → SearchDone? → EvaluateCandidates (Map candidates × Map folds:
 * TrainFold, then Aggregate) → RecordRound → back] → SelectBest → MeetsBaseline? → FitFinal →
 * RegisterModel → ModelRegistered event.
 *
 * The search runs in rounds of at most `maxParallel` candidates because TPE proposes from the scores
 * of earlier rounds; each round's Map therefore never runs more than `maxParallel` candidates at once.
 */
import { defineEvent, defineWorkflow, gte, jsonata, stateRef } from '../../src/builder';
import { CandidateResult, KfoldInput, KfoldOutput, ModelRegisteredDetail, SplitOutput } from './schemas';
import { Aggregate, FitFinal, ProposeCandidates, RegisterModel, SelectBest, Split, TrainFold } from './tasks';

export const ModelRegistered = defineEvent({ source: 'statecraft.kfold-cv', detailType: 'ModelRegistered', detail: ModelRegisteredDetail });

interface SearchVars {
  plan: SplitOutput;
  results: CandidateResult[];
}

const proposeCandidates = stateRef<unknown, SearchVars>('ProposeCandidates');

export const kfoldCv = defineWorkflow(
  { name: 'kfold-cv', input: KfoldInput, output: KfoldOutput, comment: 'k-fold cross-validation of an SVM with hyperparameter search, a baseline gate and a model registry' },
  (start) =>
    start
      .task('Split', {
        task: Split,
        arguments: (s) => ({ input: s.input, executionName: s.context.Execution.Name }),
        assign: (s) => ({ plan: s.result, results: [] as CandidateResult[] }),
      })
      .task(proposeCandidates, {
        task: ProposeCandidates,
        arguments: (s) => ({ search: s.vars.plan.search, seed: s.vars.plan.seed, history: s.vars.results }),
      })
      .choice('SearchDone?', (c) =>
        c
          .when(
            (s) => s.input.done,
            (b) =>
              b
                .task('SelectBest', {
                  task: SelectBest,
                  arguments: (s) => ({ results: s.vars.results, baselineScore: s.vars.plan.baselineScore, bucket: s.vars.plan.bucket, prefix: s.vars.plan.prefix }),
                  assign: (s) => ({ best: s.result.best, report: s.result.report }),
                })
                .choice('MeetsBaseline?', (m) =>
                  m
                    .when(
                      (s) => gte(s.input.best.mean, s.vars.plan.baselineScore),
                      (ok) =>
                        ok
                          .task('FitFinal', {
                            task: FitFinal,
                            arguments: (s) => ({
                              bucket: s.vars.plan.bucket,
                              datasetKey: s.vars.plan.datasetKey,
                              prefix: s.vars.plan.prefix,
                              params: s.vars.best.params,
                              standardize: s.vars.plan.standardize,
                            }),
                          })
                          .task('RegisterModel', {
                            task: RegisterModel,
                            arguments: (s) => ({
                              modelName: s.vars.plan.modelName,
                              artefact: s.input.model,
                              hyperparameters: s.vars.best.params,
                              foldScores: s.vars.best.foldScores,
                              meanScore: s.vars.best.mean,
                              stdScore: s.vars.best.std,
                              dataset: { location: s.vars.plan.source, fingerprint: s.vars.plan.fingerprint },
                              executionArn: s.context.Execution.Id,
                            }),
                          })
                          .emit('EmitModelRegistered', {
                            event: ModelRegistered,
                            detail: (s) => ({
                              modelName: s.input.modelName,
                              version: s.input.version,
                              status: s.input.status,
                              artefact: s.input.artefact,
                              hyperparameters: s.vars.best.params,
                              meanScore: s.vars.best.mean,
                              executionArn: s.input.executionArn,
                            }),
                          })
                          .succeed('Registered', {
                            output: (s) => ({
                              status: 'Registered' as const,
                              model: s.input,
                              search: { method: s.vars.plan.search.method, report: s.vars.report, candidates: s.vars.results, best: s.vars.best },
                            }),
                          }),
                    )
                    .otherwise((low) =>
                      low.succeed('BelowBaseline', {
                        output: (s) => ({
                          status: 'BelowBaseline' as const,
                          baselineScore: s.vars.plan.baselineScore,
                          best: s.vars.best,
                          search: { method: s.vars.plan.search.method, report: s.vars.report, candidates: s.vars.results, best: s.vars.best },
                        }),
                      }),
                    ),
                ),
          )
          .otherwise((round) =>
            round
              .map('EvaluateCandidates', {
                items: (s) => s.input.candidates,
                itemSelector: (s) => ({ candidate: s.item }),
                processor: (candidate) =>
                  candidate
                    .map('Folds', {
                      items: (s) => s.vars.plan.folds,
                      itemSelector: (s) => ({
                        bucket: s.vars.plan.bucket,
                        datasetKey: s.vars.plan.datasetKey,
                        foldKey: s.item.key,
                        fold: s.item.index,
                        candidate: s.input.candidate,
                        standardize: s.vars.plan.standardize,
                      }),
                      processor: (fold) => fold.task('TrainFold', { task: TrainFold, arguments: (s) => s.input }).end(),
                      output: (s) => ({ candidate: s.input.candidate, scores: s.result }),
                    })
                    .task('Aggregate', { task: Aggregate, arguments: (s) => ({ candidate: s.input.candidate, scores: s.input.scores }) })
                    .end(),
              })
              .pass('RecordRound', { assign: (s) => ({ results: jsonata<CandidateResult[]>`$append(${s.vars.results}, ${s.input})` }) })
              .goto(proposeCandidates),
          ),
      ),
);
