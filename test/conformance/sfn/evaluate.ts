/** Runs a case and judges it on both levels: the final result, then the whole history. */
import { compareResult, type Verdict } from './compare';
import type { SfnCase } from './corpus';
import { compareHistory } from './history';
import { runCase } from './run-case';

export interface CaseVerdicts {
  final: Verdict;
  /** undefined for cases recorded without a history (the Choice operator tables). */
  history?: Verdict;
}

export async function evaluateCase(c: SfnCase): Promise<CaseVerdicts> {
  const run = await runCase(c);
  const final = compareResult(c, run);
  return { final, history: c.history ? compareHistory(c, run) : undefined };
}
