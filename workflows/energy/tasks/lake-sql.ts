/**
 * The SQL energy-ingest sends through the lake (Athena on AWS, DuckDB locally): plain Trino that
 * both run unchanged. Values are checked before they get here (market names and days match their
 * patterns); quotes are doubled anyway.
 */

const text = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Hours per day the history holds between two days. */
export function historyDaysSql(market: string, from: string, to: string): string {
  return [
    'SELECT "date", COUNT(*) AS hours',
    'FROM energy_history',
    `WHERE market = ${text(market)} AND "date" BETWEEN ${text(from)} AND ${text(to)}`,
    'GROUP BY "date"',
    'ORDER BY "date"',
  ].join('\n');
}

/**
 * The model's input: every hour of the history from `from` to `last`, then the forecast day's
 * exogenous forecasts with no price yet, in delivery order.
 */
export function seriesSql(market: string, from: string, last: string, date: string): string {
  return [
    'SELECT "date", hour, price, exog1, exog2',
    'FROM energy_history',
    `WHERE market = ${text(market)} AND "date" BETWEEN ${text(from)} AND ${text(last)}`,
    'UNION ALL',
    'SELECT "date", hour, CAST(NULL AS DOUBLE) AS price, exog1, exog2',
    'FROM energy_exogenous',
    `WHERE market = ${text(market)} AND "date" = ${text(date)}`,
    'ORDER BY 1, 2',
  ].join('\n');
}

/** A model's member forecasts for a range of days, from `energy_forecasts` or `energy_backcasts`. */
export function membersSql(table: 'energy_forecasts' | 'energy_backcasts', market: string, from: string, to: string, model: string): string {
  return [
    'SELECT "date", hour, members',
    `FROM ${table}`,
    `WHERE market = ${text(market)} AND "date" BETWEEN ${text(from)} AND ${text(to)} AND model = ${text(model)}`,
    'ORDER BY "date", hour',
  ].join('\n');
}

/** The published P10/P50/P90 of a range of days, whichever model made them: what was actually said. */
export function publishedBandsSql(market: string, from: string, to: string): string {
  return [
    'SELECT "date", hour, p10, p50, p90',
    'FROM energy_forecasts',
    `WHERE market = ${text(market)} AND "date" BETWEEN ${text(from)} AND ${text(to)}`,
    'ORDER BY "date", hour',
  ].join('\n');
}
