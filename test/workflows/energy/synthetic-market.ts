/**
 * A small market file of the benchmark's shape for the energy tests: other column names than NP's,
 * negative prices at night, a weekly and daily pattern that LEAR can learn, and a seeded noise.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function syntheticMarketCsv(firstDay: string, days: number, seed = 1): string {
  let state = seed;
  const noise = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31 - 0.5;
  };
  const lines = ['Date,Spot EUR,Load Forecast,Solar Forecast'];
  const start = Date.parse(`${firstDay}T00:00:00Z`);
  for (let d = 0; d < days; d++) {
    const day = new Date(start + d * 86_400_000);
    const weekday = (day.getUTCDay() + 6) % 7;
    for (let h = 0; h < 24; h++) {
      const load = 1000 + 300 * Math.sin(((h - 6) / 24) * 2 * Math.PI) - (weekday >= 5 ? 150 : 0) + 40 * noise();
      const solar = Math.max(0, 500 * Math.sin(((h - 6) / 12) * Math.PI)) + 30 * noise();
      const price = 0.1 * load - 0.08 * solar - 90 + 3 * noise();
      lines.push(`${day.toISOString().slice(0, 10)} ${String(h).padStart(2, '0')}:00:00,${price.toFixed(2)},${load.toFixed(1)},${solar.toFixed(1)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Writes the file as `<dir>/<market>.csv` in a fresh temporary directory and returns its path. */
export function writeSyntheticMarket(market: string, firstDay: string, days: number, seed = 1): string {
  const dir = mkdtempSync(join(tmpdir(), 'statecraft-market-'));
  const path = join(dir, `${market}.csv`);
  writeFileSync(path, syntheticMarketCsv(firstDay, days, seed));
  return path;
}
