/**
 * The members a retrain chooses among: one LEAR forecast per calibration window and day. A window
 * longer than the history before a day uses all of it (the lake of a young market holds less than
 * 1456 days), so every candidate can be backtested on any day with a week of lags behind it.
 */
import type { FeatureRows } from './design';
import { forecastWindow } from './lear';

/** The window a `window`-day calibration can use before day `d`. */
export function effectiveWindow(window: number, d: number): number {
  return Math.min(window, d);
}

/** Window → `(to − from + 1) × 24` forecasts of days `from..to` (indices into the rows' days). */
export function forecastWindows(rows: FeatureRows, from: number, to: number, windows: readonly number[], onDay?: (d: number) => void): Map<number, Float64Array> {
  const out = new Map(windows.map((w) => [w, new Float64Array((to - from + 1) * 24)] as const));
  for (let d = from; d <= to; d++) {
    for (const w of windows) out.get(w)?.set(forecastWindow(rows, d, effectiveWindow(w, d)), (d - from) * 24);
    onDay?.(d);
  }
  return out;
}
