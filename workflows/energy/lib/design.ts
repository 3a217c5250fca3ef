/**
 * One calibration problem: day d, window CW. Rows are the CW − 7 days before d (the window's first
 * week only feeds lags); columns are transformed by scalers fitted on those rows, then centred.
 * The 24 hour models share the columns and differ only in their target.
 */
import { DUMMIES } from './features';
import { fitScale, transform, type ColumnScale } from './scaler';

export interface FeatureRows {
  /** Features per row. */
  readonly p: number;
  /** Row of day t at `t·p`; rows before `MAX_LAG` are unused. */
  readonly rows: Float64Array;
  /** Day t's 24 prices at `t·24`. */
  readonly price: Float64Array;
}

export interface Design {
  readonly n: number;
  readonly p: number;
  /** Centred transformed features, column-major: column j at `j·n`. */
  readonly columns: Float64Array;
  readonly columnMeans: Float64Array;
  /** Centred transformed targets, hour-major: hour h at `h·n`. */
  readonly targets: Float64Array;
  readonly targetMeans: Float64Array;
  readonly targetScales: readonly ColumnScale[];
  /** Day d's features, transformed with the window's scalers (not centred). */
  readonly testRow: Float64Array;
}

export function buildDesign(data: FeatureRows, d: number, window: number): Design {
  const { p, rows, price } = data;
  const first = d - window + 7;
  const n = window - 7;
  if (first < 7) throw new RangeError(`a ${window}-day window before day ${d} reaches before the data's first usable day.`);
  const scratch = new Float64Array(n);
  const columns = new Float64Array(p * n);
  const columnMeans = new Float64Array(p);
  const testRow = new Float64Array(p);
  const scaled = p - DUMMIES;
  for (let j = 0; j < p; j++) {
    const scale = j < scaled ? fitScale(rows, first * p + j, p, n, scratch) : undefined;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const raw = rows[(first + i) * p + j];
      const value = scale ? transform(raw, scale) : raw;
      columns[j * n + i] = value;
      sum += value;
    }
    const mean = sum / n;
    columnMeans[j] = mean;
    for (let i = 0; i < n; i++) columns[j * n + i] -= mean;
    const raw = rows[d * p + j];
    testRow[j] = scale ? transform(raw, scale) : raw;
  }
  const targets = new Float64Array(24 * n);
  const targetMeans = new Float64Array(24);
  const targetScales: ColumnScale[] = [];
  for (let h = 0; h < 24; h++) {
    const scale = fitScale(price, first * 24 + h, 24, n, scratch);
    targetScales.push(scale);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const value = transform(price[(first + i) * 24 + h], scale);
      targets[h * n + i] = value;
      sum += value;
    }
    targetMeans[h] = sum / n;
    for (let i = 0; i < n; i++) targets[h * n + i] -= targetMeans[h];
  }
  return { n, p, columns, columnMeans, targets, targetMeans, targetScales, testRow };
}
