/**
 * The energy package's result view in Chromium: energy-ingest runs day after day on the virtual clock
 * over the replayed NP feeds (a historical load, then a week of daily forecasts), then `statecraft
 * serve` opens the same data and the last execution's page draws the forecast day's band after the
 * week's published bands and actual prices; the chart's data is checked against the stored forecast.
 * Skipped, saying so, where no Chromium is installed. Screenshots under test-artifacts/console/.
 */
import { mkdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { defineRegistry } from '../../src/builder';
import { VirtualClock } from '../../src/clock/clock';
import { createLocalRuntime, mountPackageEndpoints, runWorkflow } from '../../src/host';
import { DATA_BUCKET } from '../../workflows/data-bucket';
import { energyPackage } from '../../workflows/energy';
import { RECENT_DAYS, type RecentHour } from '../../workflows/energy/tasks/forecast';
import { serveProcess, type ServeProcess } from '../cli/serve-process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = resolve(__dirname, '../../test-artifacts/console');
const NP = resolve(__dirname, '../../../shared/data/energy/NP.csv');
/** Small windows and calibration so each forecast takes a fraction of a second. */
const champion = { windows: [56, 84], weights: [0.5, 0.5], band: { method: 'conformal', calibrationDays: 7, recentDays: 2, recentWeight: 0.5 } };
const DAY = 86_400_000;

const haveChromium = existsSync(CHROMIUM);
const haveNp = existsSync(NP);
if (!haveChromium) console.warn(`Skipping the energy view's browser test: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
else if (!haveNp) console.warn(`Skipping the energy view's browser test: no NP market file at ${NP}`);
const describeInBrowser = haveChromium && haveNp ? describe : describe.skip;

interface StoredForecast {
  date: string;
  hours: { hour: number; p10: number; p50: number; p90: number }[];
  recent: RecentHour[];
}

interface Plotted {
  labels: string[];
  datasets: { label: string; data: (number | null)[] }[];
}

describeInBrowser('the energy forecast view in Chromium', () => {
  let dir: string;
  let server: ServeProcess;
  let browser: Browser;
  let page: Page;
  let executionArn: string;
  let stored: StoredForecast;
  const saved = { ...process.env };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'statecraft-energy-pages-'));
    mkdirSync(SHOTS, { recursive: true });
    const registry = defineRegistry({ packages: [energyPackage], modelRegistry: { bucket: DATA_BUCKET, prefix: 'model-registry/' } });
    const clock = new VirtualClock(Date.parse('2013-04-20T09:00:00Z'));
    const runtime = await createLocalRuntime({ registry, dataDir: join(dir, 'data'), workers: 1, clock });
    const endpoints = mountPackageEndpoints(registry, clock);
    const feeds = createServer((req, res) => void endpoints.handle(req, res));
    await new Promise<void>((done) => feeds.listen(0, '127.0.0.1', done));
    Object.assign(process.env, endpoints.environment(`http://127.0.0.1:${(feeds.address() as AddressInfo).port}`));
    try {
      const version = await runtime.services.models.register({ modelName: 'energy-NP', kind: 'lear-ensemble', artefact: { bucket: DATA_BUCKET, key: 'models/energy-NP.json' }, hyperparameters: champion, metrics: {}, executionArn: 'test' });
      await runtime.services.models.approve('energy-NP', version.version);
      // The historical load, then one run a day: the last forecast has a week of published ones before it.
      for (let day = 0; day <= RECENT_DAYS; day++) {
        if (day > 0) await clock.advance(DAY);
        const run = await runWorkflow(runtime, 'energy-ingest', { market: 'NP' });
        expect([run.status, run.error, run.cause]).toEqual(['SUCCEEDED', undefined, undefined]);
        executionArn = run.executionArn;
        const { location } = run.output as { location: { bucket: string; key: string } };
        stored = JSON.parse(await runtime.services.objects.getText(location)) as StoredForecast;
      }
    } finally {
      process.env = { ...saved };
      await new Promise<void>((done) => feeds.close(() => done()));
      await runtime.close();
    }
    server = await serveProcess(join(dir, 'data'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the forecast day’s band and P50 follow a week of published bands against the actual prices', async () => {
    expect(stored.date).toBe('2013-04-28');
    // Every recent hour has a published band and its actual price.
    expect(stored.recent).toHaveLength(RECENT_DAYS * 24);
    expect(stored.recent.every((h) => h.actual !== null && h.p10 !== null && h.p50 !== null && h.p90 !== null)).toBe(true);

    await page.goto(`${server.endpoint}/#/executions/${encodeURIComponent(executionArn)}`);
    await page.locator('h1 .badge.status-succeeded').waitFor({ timeout: 30_000 });
    const canvas = page.locator('.result-view canvas');
    await canvas.waitFor();
    const plotted = await canvas.evaluate((el) => {
      const chart = (globalThis as unknown as { Chart: { getChart(c: unknown): { data: Plotted } | undefined } }).Chart.getChart(el);
      return chart && { labels: chart.data.labels, datasets: chart.data.datasets.map((d) => ({ label: d.label, data: d.data })) };
    });
    const points = [...stored.recent, ...stored.hours.map((h) => ({ ...h, date: stored.date, actual: null }))];
    expect(plotted).toEqual({
      labels: points.map((p) => `${p.date} ${String(p.hour).padStart(2, '0')}:00`),
      datasets: [
        { label: 'P90', data: points.map((p) => p.p90) },
        { label: 'P10', data: points.map((p) => p.p10) },
        { label: 'P50', data: points.map((p) => p.p50) },
        { label: 'Actual', data: points.map((p) => p.actual) },
      ],
    });
    expect(plotted!.labels[0]).toBe('2013-04-21 00:00');
    expect(plotted!.labels.at(-1)).toBe('2013-04-28 23:00');

    const inside = stored.recent.filter((h) => h.actual! >= h.p10! && h.actual! <= h.p90!).length;
    expect(await page.locator('.forecast-summary .coverage').textContent()).toContain(`${inside} of ${RECENT_DAYS * 24} hours`);
    const rows = await page.locator('table.forecast-hours tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual(stored.hours.map((h) => [`${String(h.hour).padStart(2, '0')}:00`, h.p10.toFixed(2), h.p50.toFixed(2), h.p90.toFixed(2)]));
    await page.locator('.result-view').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'execution-energy-ingest.png'), fullPage: true });
  }, 60_000);
});
