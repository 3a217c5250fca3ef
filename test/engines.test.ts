/**
 * The Node.js versions the project promises (package.json `engines`: 20.19+, 22, 24, Lambda's
 * runtime) are the ones every locked package supports, so `npm ci` on any of them installs
 * packages that declare they work there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// semver (npm's own range rules) is installed with npm's tooling but ships no types; two functions are used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const semver = require('semver') as { satisfies(version: string, range: string): boolean };

const root = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; os?: string[]; cpu?: string[]; optional?: boolean }>;
};
const PROMISED = ['20.19.0', '22.0.0', '24.0.0'];

/** Locked packages that declare less, each with the reason it does not break the promise. */
const EXCEPTIONS: Record<string, string> = {
  'node_modules/aws-local-stepfunctions':
    "a devDependency used only as the benchmark's peer; 3.0.0 is its only release and declares Node 22, but runs on Node 20 (the bench runs it there); npm ci only warns",
};

test.each(PROMISED)('engines promises Node %s', (version) => {
  expect(semver.satisfies(version, manifest.engines.node)).toBe(true);
});

test('engines promises no Node older than 20.19 (require of ES modules, unflagged)', () => {
  expect(semver.satisfies('20.18.0', manifest.engines.node)).toBe(false);
  expect(semver.satisfies('18.20.0', manifest.engines.node)).toBe(false);
});

test('every locked package that installs here supports every promised Node version', () => {
  const unsupported = Object.entries(lock.packages).flatMap(([path, info]) => {
    const range = Array.isArray(info.engines) ? undefined : info.engines?.node;
    if (!path || !range || path in EXCEPTIONS) return [];
    // Platform packages for another system (sharp's Windows build …) are never installed here.
    if (info.optional && ((info.os && !info.os.includes(process.platform)) || (info.cpu && !info.cpu.includes(process.arch)))) return [];
    const missing = PROMISED.filter((version) => !semver.satisfies(version, range));
    return missing.length ? [`${path}@${info.version} (${range}) excludes ${missing.join(', ')}`] : [];
  });
  expect(unsupported).toEqual([]);
});

test('each exception is still locked (a stale one would hide nothing)', () => {
  for (const path of Object.keys(EXCEPTIONS)) expect(lock.packages[path]).toBeDefined();
});
