/**
 * `statecraft brand train|evaluate|analyze` as a user runs them, against a server in this process (the
 * whole local endpoint over a local runtime with the bus): generated photos and a generated clip, a
 * model trained, evaluated and used, progress on stderr, and bad calls as one line each.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { createLocalEndpoint, type RunningServer } from '../../../../src/api';
import { dispatch } from '../../../../src/cli/main';
import { createLocalRuntime, type LocalRuntime } from '../../../../src/host';
import { registry } from '../../../../workflows/registry';
import { clip, photo } from '../fixture';
import { runCli } from '../../../support/cli-run';

let dir: string;
let runtime: LocalRuntime;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-brand-cli-'));
  runtime = await createLocalRuntime({ registry, dataDir: join(dir, 'data'), workers: 2, bus: true });
  server = await createLocalEndpoint({ ...runtime, bus: runtime.bus! });
});
afterAll(async () => {
  await server.close();
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

const statecraft = (...argv: string[]) => runCli(registry, [...argv, '--endpoint', server.url]);

function folder(name: string): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  return path;
}

const POSITIONS: Array<[number, number]> = [[20, 30], [260, 200], [150, 100], [40, 220], [280, 20]];

test('brand train uploads the images and annotations, runs brand-training once and prints the registered version', async () => {
  const images = folder('train');
  const lines: string[] = [];
  for (const [l, name] of ['Acme', 'Zeta'].entries()) {
    for (const [i, [left, top]] of POSITIONS.entries()) {
      const { jpeg, box } = await photo(name, left, top, 10 * l + i);
      writeFileSync(join(images, `${name}-${i}.jpg`), jpeg);
      lines.push(`${name}-${i}.jpg ${name} 1 ${box!.join(' ')}`);
    }
  }
  lines.push('Zeta-1.jpg Zeta 1 40 40 40 90');
  writeFileSync(join(images, 'notes.md'), 'not an image: left out of the upload');
  writeFileSync(join(dir, 'annotations.txt'), lines.join('\n'));
  const { code, stdout, stderr } = await statecraft('brand', 'train', '--project', 'demo', '--images', images, '--annotations', join(dir, 'annotations.txt'));
  expect({ code, stderr: code ? stderr : '' }).toEqual({ code: 0, stderr: '' });
  expect(stdout).toMatch(/^registered demo v1 \(logo-detector\/4, PendingManualApproval\)\nheld-out evaluation on 2 images: accuracy 1\.0000/);
  expect(stdout).toContain('refused 1 box(es):\n  line 11: Zeta-1.jpg Zeta: the box has no area');
  expect(stdout).toContain('statecraft models approve demo v1');
  expect(stderr).toContain('uploaded 10/10 files');
  expect(stderr).toContain('→ TrainDetector (Task)');
  // The annotations went where no upload rule starts a second training run.
  const sfn = new SFNClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
  const { executions } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:brand-training' }));
  sfn.destroy();
  expect(executions).toHaveLength(1);
}, 180_000);

test('brand evaluate --json scores the model on labelled images, image by image', async () => {
  const images = folder('evaluate');
  const cases: Array<[string, string | undefined]> = [['a.jpg', 'Acme'], ['z.jpg', 'Zeta'], ['n1.jpg', undefined], ['n2.jpg', undefined]];
  for (const [i, [file, brand]] of cases.entries()) writeFileSync(join(images, file), (await photo(brand, 100 + 20 * i, 80, 50 + i)).jpeg);
  writeFileSync(join(dir, 'labels.txt'), cases.map(([file, brand]) => `${file}\t${brand ?? 'none'}`).join('\n') + '\n');
  const { code, stdout, stderr } = await statecraft('brand', 'evaluate', '--model', 'demo', '--images', images, '--labels', join(dir, 'labels.txt'), '--json');
  expect({ code, stderr: code ? stderr : '' }).toEqual({ code: 0, stderr: '' });
  expect(stderr).toContain('no approved version of demo: using v1 (PendingManualApproval)');
  const report = JSON.parse(stdout);
  expect(Object.keys(report)).toEqual(['accuracy', 'precision', 'recall', 'perBrand', 'images']);
  expect(report.images.map((i: { image: string; expected: string }) => [i.image, i.expected])).toEqual([['a.jpg', 'Acme'], ['z.jpg', 'Zeta'], ['n1.jpg', 'none'], ['n2.jpg', 'none']]);
  const right = report.images.filter((i: { expected: string; predicted: string }) => i.expected === i.predicted).length;
  expect(report.accuracy).toBe(right / 4);
  expect(report.accuracy).toBeGreaterThanOrEqual(0.75);
  expect(Object.keys(report.perBrand).sort()).toEqual(expect.arrayContaining(['Acme', 'Zeta']));
}, 120_000);

test('brand analyze --json prints the visibility report of a clip', async () => {
  const frames = [(await photo('Acme', 60, 60, 99)).jpeg, (await photo(undefined, 0, 0, 98)).jpeg, (await photo('Zeta', 200, 150, 97)).jpeg];
  writeFileSync(join(dir, 'clip.MP4'), clip(frames, 2, 10));
  const { code, stdout, stderr } = await statecraft('brand', 'analyze', join(dir, 'clip.MP4'), '--model', 'demo@1', '--every', '5', '--json');
  expect({ code, stderr: code ? stderr : '' }).toEqual({ code: 0, stderr: '' });
  const report = JSON.parse(stdout);
  expect(Object.keys(report)).toEqual(['model', 'sampledFrames', 'windows', 'labels']);
  expect(report).toMatchObject({ model: 'demo@1', sampledFrames: 12 });
  expect(report.windows).toEqual([expect.objectContaining({ start: 0, frames: 12 })]);
  expect(report.labels.Acme.firstSeen).toBeLessThan(2);
  expect(report.labels.Zeta.firstSeen).toBeGreaterThanOrEqual(4);
  expect(stderr).toContain('→ DetectLogos (Map)');
}, 120_000);

test('brand analyze prints a table per minute and per brand', async () => {
  writeFileSync(join(dir, 'still.jpg'), (await photo('Acme', 100, 100, 7)).jpeg);
  const { code, stdout } = await statecraft('brand', 'analyze', join(dir, 'still.jpg'), '--model', 'demo@v1');
  expect(code).toBe(0);
  expect(stdout).toMatch(/^model demo@1: 1 sampled frames\n\nWINDOW\s+FRAMES\s+ANY BRAND\s+Acme\n0:00\.0–0:00\.\d\s+1\s+100\.0%\s+100\.0%\n\nBRAND\s+SHARE\s+FIRST SEEN\s+LAST SEEN\nAcme\s+100\.0%/);
}, 60_000);

test.each([
  ['a file that is not a video or image', ['brand', 'analyze', 'notes.txt', '--model', 'demo'], 1, /^statecraft brand analyze: notes\.txt: not a video or image \(expected \.mp4/],
  ['no --model', ['brand', 'analyze', 'clip.mp4'], 2, /^statecraft brand analyze: --model NAME\[@VERSION\] is required\nusage: statecraft brand analyze FILE/],
  ['a bad --every', ['brand', 'analyze', 'clip.mp4', '--model', 'demo', '--every', '0'], 2, /^statecraft brand analyze: --every must be a whole number/],
  ['a model the registry does not have', ['brand', 'analyze', 'still.jpg', '--model', 'demo@7'], 1, /^statecraft brand analyze: the model registry has no logo-detector demo version 7 \(it has v1\)\n$/],
  ['a labelled image missing from the folder', ['brand', 'evaluate', '--model', 'demo', '--images', '.', '--labels', 'labels.txt'], 1, /^statecraft brand evaluate: 4 of the 4 labelled images are not in \.: a\.jpg/],
  ['a bad project name', ['brand', 'train', '--project', '../x', '--images', '.', '--annotations', 'annotations.txt'], 2, /^statecraft brand train: --project must be letters/],
  ['an unknown option', ['brand', 'train', '--frobnicate'], 2, /^statecraft brand train: Unknown option '--frobnicate'/],
])('%s: one line, the exit code, no stack trace', async (_what, argv, exitCode, message) => {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const { code, stdout, stderr } = await statecraft(...argv);
    expect({ code, stdout }).toEqual({ code: exitCode, stdout: '' });
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  } finally {
    process.chdir(cwd);
  }
});

test.each(registry.packages.flatMap((pkg) => pkg.commands).map((command) => [command.name]))('statecraft %s --help explains every option its usage names', async (name) => {
  const { code, stdout } = await statecraft(...name.split(' '), '--help');
  expect(code).toBe(0);
  const usage = stdout.split('\n')[0]!;
  expect(usage).toMatch(new RegExp(`^usage: statecraft ${name} `));
  for (const option of usage.match(/--[a-z-]+/g) ?? []) expect(stdout).toMatch(new RegExp(`\\n  ${option}\\b`));
});

test('with no server at --endpoint, one line that says so', async () => {
  let stderr = '';
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    writeFileSync(join(dir, 'nothing.png'), 'x');
    expect(await dispatch(['brand', 'analyze', join(dir, 'nothing.png'), '--model', 'demo', '--endpoint', 'http://127.0.0.1:9'], registry)).toBe(1);
  } finally {
    err.mockRestore();
  }
  expect(stderr).toBe('statecraft brand analyze: nothing answers on http://127.0.0.1:9 — start it with npm start\n');
});
