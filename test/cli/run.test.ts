/**
 * `statecraft run` as a script runs it, with stdout and stderr piped (no terminal): the output alone
 * on stdout, the progress on stderr as plain lines.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { statecraft } from './serve-process';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-run-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('progress reaches a piped stderr, one plain line per step, and stdout holds only the output', async () => {
  const file = join(dir, 'hello.asl.json');
  writeFileSync(
    file,
    JSON.stringify({
      StartAt: 'Greet',
      States: {
        Greet: { Type: 'Pass', Result: [1, 2, 3], Next: 'Pause' },
        Pause: { Type: 'Wait', Seconds: 3600, Next: 'Each' },
        Each: { Type: 'Map', ItemProcessor: { StartAt: 'Double', States: { Double: { Type: 'Pass', End: true } } }, End: true },
      },
    }),
  );
  const result = await statecraft(['run', file, '--clock', 'virtual', '--data-dir', join(dir, 'data')]);
  expect(result).toMatchObject({ code: 0 });
  expect(JSON.parse(result.stdout)).toEqual([1, 2, 3]);
  const lines = result.stderr.split('\n');
  expect(lines.slice(0, 4)).toEqual(['→ Greet (Pass)', '→ Pause (Wait)', '→ Each (Map)', '  map over 3 items']);
  // The iterations may interleave; each is reported.
  expect(lines.slice(4).sort()).toEqual(['', '  map 1/3', '  map 2/3', '  map 3/3', '→ Double (Pass)', '→ Double (Pass)', '→ Double (Pass)']);
  // Plain lines: no cursor movement or line redraws a log file would show as noise.
  expect(result.stderr).not.toMatch(/\r|\u001b\[/);
}, 30_000);

test('--quiet prints no progress', async () => {
  const file = join(dir, 'quiet.asl.json');
  writeFileSync(file, JSON.stringify({ StartAt: 'Only', States: { Only: { Type: 'Pass', End: true } } }));
  expect(await statecraft(['run', file, '--quiet', '--input', '{"a":1}', '--data-dir', join(dir, 'data')])).toEqual({ code: 0, stdout: '{\n  "a": 1\n}\n', stderr: '' });
}, 30_000);

test("a workflow whose package serves an endpoint runs against it: energy-ingest fetches the feed server's answers", async () => {
  const result = await statecraft(['run', 'energy-ingest', '--clock', 'virtual', '--data-dir', join(dir, 'energy')]);
  expect(result.code).toBe(0);
  // Before the morning of today the feeds have not published tomorrow's exogenous forecasts: the
  // fetches then fail as not available and are retried (on the virtual clock) until they are. Any
  // other failure is a fault.
  const failures = result.stderr.split('\n').filter((line) => line.startsWith('✗'));
  expect(failures.filter((line) => !line.startsWith('✗ TaskFailed: DataNotAvailableException'))).toEqual([]);
  expect(result.stderr).toContain('→ FetchPrices (Task)');
  const today = new Date().toISOString().slice(0, 10);
  const output = JSON.parse(result.stdout) as { market: string; date: string };
  expect(output.market).toBe('NP');
  expect(output.date > today).toBe(true);
}, 120_000);
