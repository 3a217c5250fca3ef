/**
 * When the published forecasts' accuracy has drifted: the mean MAE of the last `recentDays` scored
 * days against the mean MAE of the `referenceDays` scored days before them. Drift is a ratio, so the
 * rule means the same on a market whose prices are ten times NP's; a calm reference span makes the
 * ratio jump, which is why the reference is four weeks long and the recent span a whole week.
 *
 * A drift is announced once: after a retraining decision, the rule waits until the whole recent span
 * lies after the decision's day. Otherwise a drift the retrain judged (and, say, kept the champion
 * through) would start a retrain every day on the same evidence until the span has rolled past it.
 */

export interface DriftOptions {
  /** Scored days in the rolling MAE. @default 7 */
  readonly recentDays?: number;
  /** Scored days before them that set the reference level. @default 28 */
  readonly referenceDays?: number;
  /** Degraded when rolling MAE > reference × (1 + threshold). @default 0.25 */
  readonly threshold?: number;
}

export interface DayMae {
  readonly date: string;
  readonly mae: number;
}

export interface DriftVerdict {
  readonly degraded: boolean;
  /** Undefined until there are `recentDays` scored days. */
  readonly rollingMae?: number;
  /** Undefined until there are `recentDays` more scored days before the recent span. */
  readonly referenceMae?: number;
  readonly ratio?: number;
  readonly reason: string;
}

export const DRIFT_DEFAULTS = { recentDays: 7, referenceDays: 28, threshold: 0.25 } as const;

/**
 * The verdict over `scores` (any order; one entry per scored day). `lastDecision` is the day of the
 * latest retraining decision, if any: a drift whose recent span reaches back to it was already judged.
 */
export function detectDrift(scores: readonly DayMae[], options: DriftOptions = {}, lastDecision?: string): DriftVerdict {
  const { recentDays, referenceDays, threshold } = { ...DRIFT_DEFAULTS, ...options };
  const sorted = [...scores].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (sorted.length < recentDays) return { degraded: false, reason: `${sorted.length} scored day(s); the rolling MAE needs ${recentDays}.` };
  const recent = sorted.slice(-recentDays);
  const rollingMae = meanMae(recent);
  const reference = sorted.slice(Math.max(0, sorted.length - recentDays - referenceDays), sorted.length - recentDays);
  if (reference.length < recentDays) {
    return { degraded: false, rollingMae, reason: `${reference.length} scored day(s) before the last ${recentDays}; the reference needs at least ${recentDays}.` };
  }
  const referenceMae = meanMae(reference);
  const ratio = referenceMae > 0 ? rollingMae / referenceMae : rollingMae > 0 ? Infinity : 1;
  const drifted = ratio > 1 + threshold;
  const judged = lastDecision !== undefined && recent[0]!.date <= lastDecision;
  const span = `${recent[0]!.date}..${recent[recent.length - 1]!.date}`;
  const level = `rolling MAE ${rollingMae.toFixed(3)} over ${span} is ${ratio.toFixed(2)}× the reference ${referenceMae.toFixed(3)}`;
  const reason = !drifted
    ? `${level}, within ${(1 + threshold).toFixed(2)}×.`
    : judged
      ? `${level}, beyond ${(1 + threshold).toFixed(2)}×, but a retraining decision on ${lastDecision} saw part of that span; a new drift must show in ${recentDays} days after it.`
      : `${level} of the ${reference.length} days before (threshold ${(1 + threshold).toFixed(2)}×).`;
  return { degraded: drifted && !judged, rollingMae, referenceMae, ratio, reason };
}

function meanMae(days: readonly DayMae[]): number {
  return days.reduce((sum, day) => sum + day.mae, 0) / days.length;
}
