/**
 * The pages the brand package adds to the console, in Chromium against `statecraft serve`: a real
 * brand-training run waits at WaitForLabels, boxes are drawn on its frames in the labeling page (kept
 * across a reload), submitted, and the run goes on through CollectAnnotations to a registered model;
 * that model, approved, analyses a generated clip uploaded under brand/analysis/ (a full
 * brand-analysis run, started by the upload rule), and the visibility view draws its report.
 * Skipped, saying so, where no Chromium is installed. Screenshots under test-artifacts/console/.
 */
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeExecutionCommand, ListExecutionsCommand, SFNClient, StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import { serveProcess, type ServeProcess } from '../cli/serve-process';
import { parseGroundTruth } from '../../workflows/brand/lib/annotations';
import { clip, LOGO_NAMES, photo } from '../workflows/brand/fixture';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = resolve(__dirname, '../../test-artifacts/console');
const BUCKET = 'statecraft-data';
const client = { region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
const JOB = 'label-in-browser';
/** The project's photos: 480×360, a 180×120 logo at (left, top); sorted by name, as the job lists them. */
const PHOTOS = [
  { name: 'Acme-0.jpg', logo: 'Acme', left: 30, top: 40 },
  { name: 'Acme-1.jpg', logo: 'Acme', left: 260, top: 200 },
  { name: 'Zeta-0.jpg', logo: 'Zeta', left: 150, top: 110 },
];

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`Skipping the brand pages' browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
const describeInBrowser = haveChromium ? describe : describe.skip;

interface Drawn {
  label: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

describeInBrowser('the brand package’s console pages in Chromium', () => {
  let dir: string;
  let server: ServeProcess;
  let browser: Browser;
  let page: Page;
  let sfn: SFNClient;
  let s3: S3Client;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'statecraft-brand-pages-'));
    mkdirSync(SHOTS, { recursive: true });
    server = await serveProcess(join(dir, 'data'));
    sfn = new SFNClient({ ...client, endpoint: server.endpoint });
    s3 = new S3Client({ ...client, endpoint: server.endpoint, forcePathStyle: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.kill();
    sfn?.destroy();
    s3?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  // A fresh load each time: going to the address already shown would change nothing.
  const open = async (hash: string) => {
    await page.goto('about:blank');
    await page.goto(`${server.endpoint}/#${hash}`);
  };
  const read = async (key: string) => (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToString();
  const put = (key: string, body: Buffer | string) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));

  /** Drags on the frame from one image point to another (image pixels, mapped onto the drawn frame). */
  async function drag(from: [number, number], to: [number, number]): Promise<void> {
    const frame = page.locator('svg.frame-boxes[viewBox]');
    await frame.waitFor();
    const area = (await frame.boundingBox())!;
    const [, , width, height] = (await frame.getAttribute('viewBox'))!.split(' ').map(Number);
    const at = ([x, y]: [number, number]) => [area.x + (x * area.width) / width, area.y + (y * area.height) / height] as const;
    await page.mouse.move(...at(from));
    await page.mouse.down();
    await page.mouse.move(...at([(from[0] + to[0]) / 2, (from[1] + to[1]) / 2]), { steps: 4 });
    await page.mouse.move(...at(to), { steps: 4 });
    await page.mouse.up();
  }

  const boxes = (): Promise<Drawn[]> =>
    page.locator('svg.frame-boxes g.box').evaluateAll((groups) =>
      groups.map((g) => {
        const rect = g.querySelector('rect.body')!;
        const n = (name: string) => Number(rect.getAttribute(name));
        return { label: g.getAttribute('data-label') ?? '', left: n('x'), top: n('y'), width: n('width'), height: n('height') };
      }),
    );

  const near = (box: Drawn, expected: Drawn) => {
    expect(box.label).toBe(expected.label);
    for (const side of ['left', 'top', 'width', 'height'] as const) expect(Math.abs(box[side] - expected[side])).toBeLessThanOrEqual(2);
  };
  const logoBox = (i: number): Drawn => ({ label: PHOTOS[i].logo, left: PHOTOS[i].left, top: PHOTOS[i].top, width: 180, height: 120 });
  const drawLogo = (i: number) => drag([PHOTOS[i].left, PHOTOS[i].top], [PHOTOS[i].left + 180, PHOTOS[i].top + 120]);
  const saved = () => page.locator('.save-status[data-state="saved"]').waitFor();

  test('with no job open, the labeling page says how one opens', async () => {
    await open('/labeling');
    await page.locator('.labeling-empty h2', { hasText: 'No labeling jobs are open' }).waitFor();
    expect(await page.locator('.sidebar a[data-nav="labeling"]').getAttribute('class')).toContain('active');
    await shot('labeling-empty');
    await open('/labeling/nobody');
    await page.locator('.empty h2', { hasText: 'No such labeling job' }).waitFor();
  });

  test('boxes drawn on a brand-training job’s frames are kept across a reload, and submitting them lets the run go on', async () => {
    for (const [i, p] of PHOTOS.entries()) await put(`brand/training/console/${p.name}`, (await photo(p.logo, p.left, p.top, 40 + i)).jpeg);
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:brand-training', name: JOB, input: JSON.stringify({ project: 'console', labels: LOGO_NAMES }) }),
    );
    await eventually(() => read(`brand/labeling/jobs/${JOB}.json`).catch(() => undefined), 60_000);

    await open('/labeling');
    const card = page.locator(`.labeling-job[data-job="${JOB}"]`);
    await card.waitFor();
    expect(await card.locator('.counts').textContent()).toBe('3 frames0 labelled0 boxes');
    await shot('labeling-jobs');
    const heartbeat = page.waitForRequest((req) => req.headers()['x-amz-target'] === 'AWSStepFunctions.SendTaskHeartbeat');
    await card.getByRole('link', { name: 'Label', exact: true }).click();
    await page.waitForURL(new RegExp(`#/labeling/${JOB}$`));
    await heartbeat;

    // Frame 1: draw the logo's box; the first brand is picked already.
    expect(await page.locator('.frame-title').textContent()).toBe('Frame 1 of 3 · Acme-0.jpg');
    await drawLogo(0);
    near((await boxes())[0], logoBox(0));
    await saved();
    const draft = JSON.parse(await read(`brand/labeling/drafts/${JOB}.json`)) as { images: Record<string, { boxes: Drawn[] }> };
    near(draft.images['brand/training/console/Acme-0.jpg'].boxes[0], logoBox(0));

    await page.reload();
    await page.locator('svg.frame-boxes g.box').waitFor();
    expect(await boxes()).toHaveLength(1);
    near((await boxes())[0], logoBox(0));
    await shot('labeling-frame');

    // Frame 2, by keyboard: a slip of a box is dropped; a box drawn off the logo is moved and resized onto it.
    await page.keyboard.press('ArrowRight');
    await page.locator('.frame-title', { hasText: 'Frame 2 of 3' }).waitFor();
    await drag([10, 10], [12, 11]);
    expect(await boxes()).toEqual([]);
    await drag([200, 150], [300, 250]);
    near((await boxes())[0], { label: 'Acme', left: 200, top: 150, width: 100, height: 100 });
    await drag([250, 200], [310, 250]); // move by (60, 50)
    near((await boxes())[0], { label: 'Acme', left: 260, top: 200, width: 100, height: 100 });
    const corner = page.locator('svg.frame-boxes .handle[data-handle="se"]');
    await corner.waitFor();
    await drag([360, 300], [440, 320]);
    near((await boxes())[0], logoBox(1));

    // Frame 3: draw, change its brand by number, delete a stray box with the Delete key.
    await page.keyboard.press('n');
    await page.locator('.frame-title', { hasText: 'Frame 3 of 3' }).waitFor();
    await drag([20, 20], [80, 80]);
    expect(await boxes()).toHaveLength(1);
    await page.keyboard.press('Delete');
    expect(await boxes()).toEqual([]);
    await drawLogo(2);
    await page.keyboard.press('2');
    near((await boxes())[0], logoBox(2));
    expect(await page.locator('.brand-choice.current').getAttribute('data-brand')).toBe('Zeta');
    await saved();
    expect(await page.locator('.labeling-side .progress').textContent()).toBe('3 of 3 frames have boxes.');

    await page.getByRole('button', { name: 'Submit labels' }).click();
    await page.locator('.done-box', { hasText: 'Labels submitted.' }).waitFor();
    await shot('labeling-submitted');
    // The brand package's own reader takes the manifest as drawn.
    const submitted = parseGroundTruth(await read(`brand/labeling/output/${JOB}.manifest`));
    expect(submitted.refused).toEqual([]);
    expect(submitted.images.map((i) => i.image)).toEqual(PHOTOS.map((p) => p.name));
    submitted.images.forEach((i, n) => near(i.boxes[0], logoBox(n)));
    expect(JSON.parse(await read(`brand/labeling/jobs/${JOB}.json`))).toMatchObject({ status: 'Completed', executionArn });

    await page.getByRole('link', { name: 'See the execution' }).click();
    await page.locator('svg.graph g.state[data-name="CollectAnnotations"][data-status="succeeded"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('svg.graph g.state[data-name="WaitForLabels"]').getAttribute('data-status')).toBe('succeeded');
    await page.locator('h1 .badge.status-succeeded').waitFor({ timeout: 120_000 });
    await shot('execution-brand-training');

    await open('/labeling');
    await page.locator('.labeling-closed td', { hasText: 'labels submitted' }).waitFor();
    await page.locator('.labeling-empty').waitFor();
    // A submitted job's frames can be looked at, not changed.
    await open(`/labeling/${JOB}`);
    await page.locator('.labeling-notice', { hasText: 'These labels were submitted' }).waitFor();
    expect(await page.getByRole('button', { name: 'Submit labels' }).isDisabled()).toBe(true);
    await page.locator('svg.frame-boxes g.box').waitFor();
    await page.locator('.box-list li').first().click();
    await page.locator('svg.frame-boxes g.box.selected').waitFor();
    await page.keyboard.press('Delete');
    expect(await boxes()).toHaveLength(1);
  }, 240_000);

  test('an upload under brand/analysis/ is analysed with the approved model, and the view draws visibility per minute', async () => {
    const decided = await fetch(`${server.endpoint}/_console/api/models/decide`, { method: 'POST', body: JSON.stringify({ modelName: 'console', version: 1, decision: 'approve' }) });
    expect(decided.status).toBe(200);
    // 75 s at 2 fps: Acme for 25 s, nothing for 25 s, Zeta for 25 s; two one-minute windows.
    const frames = [(await photo('Acme', 60, 60, 91)).jpeg, (await photo(undefined, 0, 0, 92)).jpeg, (await photo('Zeta', 200, 150, 93)).jpeg];
    await put('brand/analysis/console/match.mp4', clip(frames, 25, 2));
    const machine = 'arn:aws:states:us-east-1:000000000000:stateMachine:brand-analysis';
    const executionArn = await eventually(async () => (await sfn.send(new ListExecutionsCommand({ stateMachineArn: machine }))).executions?.[0]?.executionArn, 30_000);

    await open(`/executions/${encodeURIComponent(executionArn)}`);
    await page.locator('h1 .badge.status-succeeded').waitFor({ timeout: 150_000 });
    const canvas = page.locator('.result-view canvas');
    await canvas.waitFor();
    const output = JSON.parse((await sfn.send(new DescribeExecutionCommand({ executionArn }))).output!) as { report: { key: string } };
    const report = JSON.parse(await read(output.report.key)) as { windows: { labels: Record<string, number>; overall: number }[]; labels: Record<string, { share: number }> };
    const plotted = await canvas.evaluate((el) => {
      const chart = (globalThis as unknown as { Chart: { getChart(c: unknown): { data: { labels: string[]; datasets: { label: string; data: number[] }[] } } | undefined } }).Chart.getChart(el);
      return chart && { labels: chart.data.labels, datasets: chart.data.datasets.map((d) => ({ label: d.label, data: d.data })) };
    });
    const brands = Object.keys(report.labels).sort((a, b) => report.labels[b].share - report.labels[a].share || a.localeCompare(b));
    const percent = (share: number) => Math.round(share * 1000) / 10;
    expect(plotted).toEqual({
      labels: ['0:00–1:00', '1:00–1:15'],
      datasets: [...brands.map((brand) => ({ label: brand, data: report.windows.map((w) => percent(w.labels[brand])) })), { label: 'OVERALL', data: report.windows.map((w) => percent(w.overall)) }],
    });
    expect(brands).toContain('Acme');
    const rows = await page.locator('table.visibility-brands tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-brand')));
    expect(rows).toEqual([...brands, 'OVERALL']);
    await shot('execution-brand-analysis');
  }, 240_000);

  test('a job whose run was stopped: the page’s heartbeat is refused, and the job shows as closed', async () => {
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:brand-training', name: 'stopped-run', input: JSON.stringify({ project: 'console', labels: LOGO_NAMES }) }),
    );
    await eventually(() => read('brand/labeling/jobs/stopped-run.json').catch(() => undefined), 60_000);
    await sfn.send(new StopExecutionCommand({ executionArn }));
    await open('/labeling/stopped-run');
    await page.locator('.labeling-notice', { hasText: 'The run no longer waits for these labels (TaskTimedOut).' }).waitFor();
    expect(await page.getByRole('button', { name: 'Submit labels' }).isDisabled()).toBe(true);
    await shot('labeling-closed');
    await open('/labeling');
    await page.locator('.labeling-closed tr', { hasText: 'stopped-run' }).filter({ hasText: 'the run is aborted' }).waitFor();
  }, 90_000);
});
