/** The bundle a task function deploys: its package and the generated entry, with AWS services built at cold start. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { bundleTask } from '../../../infra/bundling/bundle-task';
import { examplePackage } from '../../fixtures/example-package';
import { Score } from '../../fixtures/example-package/tasks';
import { lambdaIncompatibility } from '../../../infra/bundling/native-addons';
import { REPOSITORY_ROOT } from '../synth';

const outDirs: string[] = [];
afterAll(() => outDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const bundle = (taskName: string) => {
  const outDir = bundleTask(examplePackage, taskName, { repositoryRoot: REPOSITORY_ROOT, outDir: mkdtempSync(path.join(tmpdir(), 'bundle-test-')) });
  outDirs.push(outDir);
  return path.join(outDir, 'index.js');
};

const scoreBundle = bundle('fixture-score');

function load(file: string, env: Record<string, string | undefined>): { handler: (event: unknown) => Promise<unknown> } {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete process.env[name];
  try {
    return require(file);
  } finally {
    process.env = saved;
  }
}

test('the handler runs as Lambda calls it: input validated, output returned', async () => {
  const { handler } = load(scoreBundle, { STATECRAFT_MODEL_REGISTRY_BUCKET: 'models', STATECRAFT_MODEL_REGISTRY_PREFIX: 'model-registry/' });
  await expect(handler({ part: 5 })).resolves.toEqual({ score: 0.5 });
  await expect(handler({ part: 'five' })).rejects.toThrow(/fixture-score/);
});

test('a function started without its environment fails at cold start, naming the variable', () => {
  const copy = bundle('fixture-score');
  expect(() => load(copy, { STATECRAFT_MODEL_REGISTRY_BUCKET: undefined })).toThrow(/STATECRAFT_MODEL_REGISTRY_BUCKET/);
});

test('bundles are deterministic, so an unchanged task deploys no new code', () => {
  expect(readFileSync(bundle('fixture-score'), 'utf8')).toBe(readFileSync(scoreBundle, 'utf8'));
});

test('a native addon stays out of the bundle and ships beside it, and the bundled handler trains with it', async () => {
  const file = bundle('fixture-fit');
  const addon = path.join(path.dirname(file), 'node_modules/libsvm-native');
  expect(['package.json', 'index.js', 'build/Release/svm.node'].filter((name) => !existsSync(path.join(addon, name)))).toEqual([]);
  expect(readFileSync(file, 'utf8')).toContain('require("libsvm-native")');
  const { handler } = load(file, { STATECRAFT_MODEL_REGISTRY_BUCKET: 'models', STATECRAFT_MODEL_REGISTRY_PREFIX: 'model-registry/' });
  await expect(handler({ part: 5 })).resolves.toEqual({ score: 1 });
});

test('a function whose bundle imports an addon its package limits to other tasks is refused at synth', () => {
  const limited = { ...examplePackage, nativePackages: examplePackage.nativePackages.map((native) => ({ ...native, tasks: [Score] })) };
  const outDir = mkdtempSync(path.join(tmpdir(), 'bundle-test-'));
  outDirs.push(outDir);
  expect(() => bundleTask(limited, 'fixture-fit', { repositoryRoot: REPOSITORY_ROOT, outDir })).toThrow(
    "Task fixture-fit's bundle imports libsvm-native, which its function would not carry: add the task to the native package's tasks.",
  );
});

describe('lambdaIncompatibility: why Lambda (x86_64, glibc 2.34) could not load an addon', () => {
  /** A 64-bit little-endian ELF header for `machine`, followed by `strings` as a string table would hold them. */
  const elf = (machine: number, ...strings: string[]) => {
    const header = Buffer.alloc(64);
    header.writeUInt32BE(0x7f454c46, 0);
    header[4] = 2;
    header[5] = 1;
    header.writeUInt16LE(machine, 18);
    return Buffer.concat([header, Buffer.from(`\0${strings.join('\0')}\0`, 'latin1')]);
  };

  test('none for x86_64 with versions the runtime has', () => {
    expect(lambdaIncompatibility(elf(62, 'GLIBC_2.2.5', 'GLIBC_2.29', 'GLIBCXX_3.4', 'CXXABI_1.3.9', 'GLIBC_PRIVATE'))).toBeUndefined();
  });

  test('another binary format or architecture', () => {
    expect(lambdaIncompatibility(Buffer.from('cffaedfe0c000001', 'hex'))).toBe('it is not a Linux (ELF) shared object');
    expect(lambdaIncompatibility(elf(183))).toBe('it is built for ELF machine 183, not x86_64 (62)');
  });

  test('a C or C++ library newer than the runtime has', () => {
    expect(lambdaIncompatibility(elf(62, 'GLIBC_2.29', 'GLIBC_2.38'))).toBe('it needs GLIBC_2.38, and the runtime has GLIBC_2.34');
    expect(lambdaIncompatibility(elf(62, 'GLIBCXX_3.4.30'))).toBe('it needs GLIBCXX_3.4.30, and the runtime has GLIBCXX_3.4.29');
  });
});
