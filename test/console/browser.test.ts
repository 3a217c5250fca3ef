/**
 * The console in a real browser: playwright-core driving Debian's Chromium against `statecraft serve`
 * as users run it. Skipped, saying so, where no Chromium is installed (CI installs it). Each page's
 * screenshot is kept under test-artifacts/console/.
 */
import { CreateStateMachineCommand, DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveProcess, type ServeProcess } from '../cli/serve-process';
import { irisCsv } from '../workflows/kfold-cv/fixture';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = resolve(__dirname, '../../test-artifacts/console');
const client = { region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
const ROLE = 'arn:aws:iam::000000000000:role/console-test';

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`Skipping the console's browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
const describeInBrowser = haveChromium ? describe : describe.skip;

const MAP_OF_WAITS = {
  StartAt: 'Prepare',
  States: {
    Prepare: { Type: 'Pass', Result: { items: [1, 2, 3] }, Next: 'Each' },
    Each: { Type: 'Map', ItemsPath: '$.items', ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Pause', States: { Pause: { Type: 'Wait', Seconds: 2, End: true } } }, Next: 'Finish' },
    Finish: { Type: 'Pass', End: true },
  },
};

const FLAKY = {
  StartAt: 'Begin',
  States: {
    Begin: { Type: 'Pass', Next: 'CallFlaky' },
    CallFlaky: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:000000000000:function:flaky', End: true },
  },
};

/** Fails until the file its input names exists. */
const FLAKY_HANDLER = `const { existsSync } = require('node:fs');
exports.handler = async (event) => {
  if (!existsSync(event.marker)) { const err = new Error('the marker file is not there yet'); err.name = 'NotReady'; throw err; }
  return { ok: true };
};
`;

describeInBrowser('the console in Chromium', () => {
  let dir: string;
  let server: ServeProcess;
  let browser: Browser;
  let page: Page;
  let sfn: SFNClient;
  let s3: S3Client;
  let foreign: Server;
  let foreignPort: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'statecraft-console-browser-'));
    const functions = join(dir, 'functions');
    mkdirSync(functions);
    writeFileSync(join(functions, 'flaky.js'), FLAKY_HANDLER);
    mkdirSync(SHOTS, { recursive: true });
    server = await serveProcess(join(dir, 'data'), functions);
    sfn = new SFNClient({ ...client, endpoint: server.endpoint });
    s3 = new S3Client({ ...client, endpoint: server.endpoint, forcePathStyle: true });
    // A page on another site, for the cross-site attempts (its name resolves to 127.0.0.1 in the browser).
    foreign = createServer((_, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>elsewhere</title>'));
    await new Promise<void>((done) => foreign.listen(0, '127.0.0.1', done));
    foreignPort = (foreign.address() as AddressInfo).port;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--host-resolver-rules=MAP evil.test 127.0.0.1, MAP rebind.test 127.0.0.1'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.kill();
    foreign?.close();
    sfn?.destroy();
    s3?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const open = (hash: string) => page.goto(`${server.endpoint}/#${hash}`);

  test('the workflows page lists every state machine with its counts', async () => {
    await open('/');
    await page.locator('.workflow-card[data-workflow="kfold-cv"]').waitFor();
    expect(await page.locator('.workflow-card h2').allTextContents()).toContain('kfold-cv');
    await shot('workflows');
  });

  test('the page’s execution model finds nested Map iterations by previousEventId, and tells retries from caught errors', async () => {
    await open('/');
    const e = (id: number, previousEventId: number, type: string, details?: Record<string, unknown>) => {
      const key = type.endsWith('StateEntered') ? 'stateEnteredEventDetails' : type.endsWith('StateExited') ? 'stateExitedEventDetails' : `${type[0].toLowerCase()}${type.slice(1)}EventDetails`;
      return { id, previousEventId, type, timestamp: 1000 + id, ...(details && { [key]: details }) };
    };
    const history = [
      e(1, 0, 'ExecutionStarted', { input: '{}' }),
      e(2, 0, 'MapStateEntered', { name: 'Outer', input: '{}' }),
      e(3, 2, 'MapStateStarted', { length: 2 }),
      e(4, 3, 'MapIterationStarted', { name: 'Outer', index: 0 }),
      e(5, 4, 'MapIterationStarted', { name: 'Outer', index: 1 }), // iterations link to their sibling
      e(6, 4, 'MapStateEntered', { name: 'Inner', input: '{}' }),
      e(7, 5, 'MapStateEntered', { name: 'Inner', input: '{}' }),
      e(8, 6, 'MapStateStarted', { length: 1 }),
      e(9, 8, 'MapIterationStarted', { name: 'Inner', index: 0 }),
      e(10, 9, 'TaskStateEntered', { name: 'Work', input: '{"n":1}' }),
      e(11, 10, 'TaskScheduled', {}),
      e(12, 11, 'TaskFailed', { error: 'Boom' }),
      e(13, 12, 'TaskScheduled', {}),
      e(14, 13, 'TaskSucceeded', { output: '{}' }),
      e(15, 14, 'TaskStateExited', { name: 'Work', output: '{"ok":1}' }),
      e(16, 15, 'MapIterationSucceeded', { name: 'Inner', index: 0 }),
      e(17, 7, 'MapStateStarted', { length: 1 }),
      e(18, 17, 'MapIterationStarted', { name: 'Inner', index: 0 }),
      e(19, 18, 'TaskStateEntered', { name: 'Work', input: '{"n":2}' }),
      e(20, 19, 'TaskScheduled', {}),
      e(21, 20, 'TaskFailed', { error: 'Bad', cause: 'why' }),
      e(22, 21, 'PassStateEntered', { name: 'Handle', input: '{}' }),
      e(23, 22, 'PassStateExited', { name: 'Handle', output: '{}' }),
      e(24, 23, 'MapIterationSucceeded', { name: 'Inner', index: 0 }),
    ];
    // Sent as text: the test's compiler would rewrite a dynamic import() for Node.
    const seen = await page.evaluate(`(async (events) => {
      const { ExecutionModel } = await import('/_console/app/execution-model.js');
      const model = new ExecutionModel();
      for (const event of events) model.add(event);
      const visits = model.visits.filter((v) => v.name === 'Work');
      return {
        where: visits.map((v) => model.iterationPath(v.scope)),
        visits: visits.map((v) => ({ status: v.status, attempts: v.attempts, error: v.error ?? null, cause: v.cause ?? null, output: v.output ?? null })),
        work: model.stateSummary('Work'),
        inner: model.iterationCounts('Inner'),
        outer: model.iterationCounts('Outer'),
        stateOf: [1, 12, 21, 22].map((id) => model.stateOf(model.events.find((x) => x.id === id))),
        duplicateIgnored: model.add(events[0]),
      };
    })(${JSON.stringify(history)})`);
    expect(seen).toEqual({
      where: ['Outer[0] › Inner[0]', 'Outer[1] › Inner[0]'],
      visits: [
        { status: 'succeeded', attempts: 2, error: 'Boom', cause: null, output: '{"ok":1}' },
        { status: 'caught', attempts: 1, error: 'Bad', cause: 'why', output: null },
      ],
      work: { status: 'caught', note: '×2' },
      inner: { total: 2, running: 0, succeeded: 2, failed: 0, aborted: 0 },
      outer: { total: 2, running: 2, succeeded: 0, failed: 0, aborted: 0 },
      stateOf: ['', 'Work', 'Work', 'Handle'],
      duplicateIgnored: false,
    });
  });

  test('kfold-cv starts from the generated form, validation first, and its result view draws the fold scores', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'statecraft-data', Key: 'datasets/console/iris.csv', Body: irisCsv() }));
    await open('/workflows/kfold-cv/start');
    await page.locator('#field_dataset_bucket').fill('statecraft-data');
    await page.locator('#field_dataset_key').fill('datasets/console/iris.csv');
    expect(await page.locator('#field_k').inputValue()).toBe('5'); // the schema's default
    await page.locator('#field_k').fill('1');
    await page.locator('.field[data-path="/k"] > .problem', { hasText: 'must be >= 2' }).waitFor();
    await page.getByRole('button', { name: 'Start execution' }).click();
    await page.locator('.start-form > .problem', { hasText: /^Fix the field marked above first\.$/ }).waitFor();
    expect(page.url()).toContain('/start');
    await shot('start-form-invalid');

    await page.locator('#field_k').fill('3');
    await page.locator('#execution-name').fill('iris-from-console');
    await page.getByRole('button', { name: 'Start execution' }).click();
    await page.waitForURL(/#\/executions\//);
    await page.locator('h1 .badge.status-succeeded').waitFor({ timeout: 60_000 });
    const canvas = page.locator('.result-view canvas');
    await canvas.waitFor();
    const plotted = await canvas.evaluate((el) => {
      const chart = (globalThis as unknown as { Chart: { getChart(c: unknown): { data: { labels: unknown[]; datasets: { label: string }[] } } | undefined } }).Chart.getChart(el);
      return chart && { labels: chart.data.labels.length, datasets: chart.data.datasets.map((d) => d.label) };
    });
    expect(plotted?.labels).toBeGreaterThan(0);
    expect(plotted?.datasets).toEqual(['mean', 'fold 1', 'fold 2', 'fold 3', 'baseline 0.6']);
    expect(await page.locator('.kfold-verdict').textContent()).toMatch(/meets the baselineBest: #\d+ .* — 0\.\d{4} ± 0\.\d{4}Baseline: 0\.6Registered: iris v1 \(PendingManualApproval when registered\)/);
    await shot('execution-kfold');

    // A TrainFold iteration's input and output.
    await page.locator('svg.graph g.group[data-name="Folds"] > text.name').click();
    await page.locator('.chip').first().click();
    const step = page.locator('.iteration-detail .iteration-step').first();
    await step.locator('summary').click();
    expect(await step.locator('h4').first().textContent()).toBe('TrainFold');
    expect(await step.locator('pre').first().textContent()).toContain('"fold": 0');
    expect(await step.locator('pre').nth(1).textContent()).toContain('"score"');
    await shot('execution-kfold-iteration');
  }, 90_000);

  test('the graph colours state by state as the run goes, a Map counts its iterations, the history lists every event', async () => {
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'console-waits', definition: JSON.stringify(MAP_OF_WAITS), roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'watch-me' }));
    await open(`/executions/${encodeURIComponent(executionArn!)}`);
    await page.locator('svg.graph g.state[data-name="Pause"][data-status="running"]').waitFor();
    expect(await page.locator('svg.graph g.state[data-name="Prepare"]').getAttribute('data-status')).toBe('succeeded');
    expect(await page.locator('svg.graph g.group[data-name="Each"]').getAttribute('data-status')).toBe('running');
    expect(await page.locator('svg.graph g.state[data-name="Finish"]').getAttribute('data-status')).toBeNull();
    await shot('execution-running');

    await page.locator('svg.graph g.state[data-name="Finish"][data-status="succeeded"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('svg.graph g.group[data-name="Each"] .note').textContent()).toBe('3/3 ✓');
    expect(await page.locator('h1 .badge').textContent()).toBe('SUCCEEDED');
    const rows = await page.locator('table.history tbody tr.event').evaluateAll((trs) => trs.map((tr) => [tr.children[0].textContent, tr.children[1].textContent, tr.children[2].textContent]));
    expect(rows[0]).toEqual(['1', 'ExecutionStarted', '']);
    expect(rows.filter(([, type]) => type === 'MapIterationSucceeded')).toHaveLength(3);
    expect(rows.filter(([, type, state]) => type === 'WaitStateEntered' && state === 'Pause')).toHaveLength(3);
    expect(rows.at(-1)?.[1]).toBe('ExecutionSucceeded');
    expect(rows.map(([id]) => Number(id))).toEqual(rows.map((_, i) => i + 1));
    await shot('execution-succeeded');
  }, 40_000);

  test('a running execution is stopped from its page', async () => {
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:console-waits', name: 'stop-me' }));
    await open(`/executions/${encodeURIComponent(executionArn!)}`);
    await page.locator('svg.graph g.state[data-name="Pause"][data-status="running"]').waitFor({ timeout: 5000 });
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.locator('h1 .badge.status-aborted').waitFor({ timeout: 5000 });
    await page.locator('svg.graph g.state[data-name="Pause"][data-status="aborted"]').waitFor({ timeout: 5000 });
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('ABORTED');
    await shot('execution-stopped');
  });

  test('a failed run shows as a notice, its failing state’s error, and is redriven to success', async () => {
    const marker = join(dir, 'ready');
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'console-flaky', definition: JSON.stringify(FLAKY), roleArn: ROLE }));
    await open('/');
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'fails-first', input: JSON.stringify({ marker }) }));
    await page.locator('.notice', { hasText: 'fails-first' }).waitFor();
    await shot('notice');
    await page.locator('.notice a', { hasText: 'fails-first' }).click();
    await page.locator('h1 .badge.status-failed').waitFor();
    await page.locator('svg.graph g.state[data-name="CallFlaky"][data-status="failed"]').waitFor();
    await page.locator('svg.graph g.state[data-name="CallFlaky"]').click();
    expect(await page.locator('.state-panel .error-box').first().textContent()).toContain('NotReady');
    await shot('execution-failed');

    writeFileSync(marker, '');
    await page.getByRole('button', { name: 'Redrive' }).click();
    await page.locator('h1 .badge.status-succeeded').waitFor({ timeout: 15_000 });
    await page.locator('svg.graph g.state[data-name="CallFlaky"][data-status="succeeded"]').waitFor();
    expect(await page.locator('table.history tbody tr.event td:nth-child(2)').allTextContents()).toContain('ExecutionRedriven');
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1 });
    await shot('execution-redriven');
  }, 40_000);

  test('a page on another site cannot decide a model through the browser, and a rebound name gets nothing', async () => {
    const other = await browser.newPage();
    await other.goto(`http://evil.test:${foreignPort}/`);
    const sent = await other.evaluate(async (url) => {
      // A "simple" request: no preflight, so only the server's Origin check stands in the way.
      await fetch(url, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ modelName: 'iris', version: 1, decision: 'reject' }) });
      return true;
    }, `${server.endpoint}/_console/api/models/decide`);
    expect(sent).toBe(true);
    const { versions } = (await (await fetch(`${server.endpoint}/_console/api/models`)).json()) as { versions: { modelName: string; status: string }[] };
    expect(versions.find((v) => v.modelName === 'iris')?.status).toBe('PendingManualApproval');

    const rebound = await other.goto(`http://rebind.test:${server.endpoint.split(':').pop()}/`);
    expect(rebound?.status()).toBe(403);
    expect(await rebound?.text()).toContain("Host 'rebind.test");
    await other.close();
  });

  test('a model version is approved from the models page, with its lineage', async () => {
    await open('/models/iris/1');
    await page.locator('tr.highlight[data-model="iris"][data-version="1"]').waitFor();
    const row = page.locator('tr[data-model="iris"][data-version="1"]');
    await row.waitFor();
    expect(await row.locator('td.lineage a').textContent()).toBe('iris-from-console');
    await shot('models-pending');
    await row.locator('input.reason').fill('beats the baseline');
    await row.getByRole('button', { name: 'Approve' }).click();
    await page.locator('tr[data-model="iris"][data-version="1"] .badge.status-approved').waitFor();
    expect(await page.locator('tr[data-model="iris"][data-version="1"] .hint').textContent()).toBe('beats the baseline');
    await shot('models-approved');
  });

  test('the events and buckets pages show the rules, the recent events and the run’s objects, which download', async () => {
    await open('/events');
    await page.locator('.rule.card h3', { hasText: 'kfold-on-upload' }).waitFor();
    expect(await page.locator('table').first().textContent()).toContain('Step Functions Execution Status Change');
    await shot('events');
    await open('/buckets/statecraft-data/runs/kfold-cv/iris-from-console/');
    await page.locator('a.folder', { hasText: 'model/' }).waitFor();
    await shot('buckets');
    const row = page.locator('tr', { hasText: 'dataset.json' });
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toBe('dataset.json');
    expect(JSON.parse(readFileSync(await download.path(), 'utf8'))).toEqual(expect.any(Object));
    await open('/');
    await page.locator('.workflow-card[data-workflow="console-flaky"] .count.status-succeeded b', { hasText: '1' }).waitFor();
    await shot('workflows-after-runs');
  });
});
