/**
 * Native addons and executables cannot be bundled into one JavaScript file, nor can files code reads
 * from disk (model weights, WebAssembly), so each function's code carries the packages its workflow
 * package declares (`nativePackages`) beside its bundle: `node_modules/<name>/` with the files that
 * `npm ci` put on the machine running synth, where Node's own resolution finds them from the bundle
 * (those with an addon stay out of the bundle, see bundle-task.ts). Lambda loads a compiled file as
 * it is, so synth refuses a build Lambda could not load (another OS or architecture, or a C library
 * newer than the runtime's) instead of deploying functions that fail at their first training.
 */
import { chmodSync, closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import * as path from 'node:path';

import type { NativePackage } from '../../src/builder';

/**
 * The task functions' platform: Lambda's nodejs24.x runtime, Amazon Linux 2023 on x86_64, whose
 * glibc is 2.34 and libstdc++ GCC 11's. x86_64 because the addon is compiled where synth runs and
 * the project's machines (development, CI) are x86_64 Linux; arm64 functions would need an arm64 build.
 */
export const LAMBDA_PLATFORM = {
  architecture: 'x86_64',
  elfMachine: 62,
  /** The newest symbol version of each library the runtime provides. */
  newestVersions: { GLIBC: [2, 34], GLIBCXX: [3, 4, 29], CXXABI: [1, 3, 13] },
} as const;

/**
 * Copies each native package's files (a directory with everything in it) into
 * `<outDir>/node_modules/<name>/`, after checking that Lambda can load each compiled file among them.
 */
export function copyNativePackages(packages: readonly NativePackage[], repositoryRoot: string, outDir: string): void {
  for (const pkg of packages) {
    const source = installedPackage(pkg.name, repositoryRoot);
    const files = pkg.files.flatMap((entry) => filesUnder(source, entry));
    const binary = pkg.binary === undefined ? undefined : path.normalize(pkg.binary);
    if (binary !== undefined && !files.includes(binary)) throw new Error(`${pkg.name}'s compiled file ${pkg.binary} is not among the files its functions carry (${pkg.files.join(', ')}).`);
    for (const file of files) {
      // The declared binary is checked even if it is not ELF, which is then the error.
      if (file === binary || isElf(path.join(source, file))) assertRunsOnLambda(path.join(source, file), pkg.name);
      const target = path.join(outDir, 'node_modules', pkg.name, file);
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(path.join(source, file), target);
      // Lambda runs the code as another user than the one who owns the files: executables must be
      // executable, and everything readable, by all (npm keeps modes such as ffprobe's 744).
      chmodSync(target, statSync(path.join(source, file)).mode & 0o111 ? 0o755 : 0o644);
    }
  }
}

/** The package's directory as Node would find it from the repository (its `exports` may hide package.json). */
function installedPackage(name: string, repositoryRoot: string): string {
  for (let dir = repositoryRoot; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'node_modules', name, 'package.json'))) return path.join(dir, 'node_modules', name);
    if (path.dirname(dir) === dir) throw new Error(`${name} is not installed: the task functions carry it, so synth runs after npm ci, on ${LAMBDA_PLATFORM.architecture} Linux.`);
  }
}

/** `entry` itself, or every file below it when it is a directory; paths relative to `root`, sorted. */
function filesUnder(root: string, entry: string): string[] {
  if (!statSync(path.join(root, entry)).isDirectory()) return [entry];
  return readdirSync(path.join(root, entry), { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(entry, name))
    .filter((name) => statSync(path.join(root, name)).isFile())
    .sort();
}

/** Shared objects and executables start with ELF's magic number; data files (weights, WebAssembly) do not. */
function isElf(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const magic = Buffer.alloc(4);
    return readSync(fd, magic, 0, 4, 0) === 4 && magic.readUInt32BE(0) === ELF_MAGIC;
  } finally {
    closeSync(fd);
  }
}

const ELF_MAGIC = 0x7f454c46;

/**
 * Files already found loadable in this process: a package many functions carry (sharp's libvips in
 * every brand function) is read and scanned once per synth, not once per function.
 */
const loadable = new Set<string>();

export function assertRunsOnLambda(binaryPath: string, packageName: string): void {
  if (loadable.has(binaryPath)) return;
  const problem = lambdaIncompatibility(readFileSync(binaryPath));
  if (problem) {
    throw new Error(
      `${packageName}'s compiled addon cannot run on the task functions' Lambda runtime (nodejs24.x, Amazon Linux 2023, ` +
        `${LAMBDA_PLATFORM.architecture}): ${problem}. It is built by npm ci on the machine that runs synth: synthesize on ` +
        `${LAMBDA_PLATFORM.architecture} Linux with glibc 2.34 or older (for example in the public.ecr.aws/sam/build-nodejs24.x image).`,
    );
  }
  loadable.add(binaryPath);
}

/** Why Lambda could not load this shared object, or undefined when it could. */
export function lambdaIncompatibility(binary: Buffer): string | undefined {
  if (binary.readUInt32BE(0) !== ELF_MAGIC) return 'it is not a Linux (ELF) shared object';
  if (binary[4] !== 2 || binary[5] !== 1) return 'it is not a 64-bit little-endian ELF file';
  const machine = binary.readUInt16LE(18);
  if (machine !== LAMBDA_PLATFORM.elfMachine) return `it is built for ELF machine ${machine}, not ${LAMBDA_PLATFORM.architecture} (${LAMBDA_PLATFORM.elfMachine})`;
  // The symbol versions it needs are names in its dynamic string table, e.g. GLIBC_2.29.
  for (const [, library, version] of binary.toString('latin1').matchAll(/\b(GLIBC|GLIBCXX|CXXABI)_(\d+(?:\.\d+)+)\b/g)) {
    const newest = LAMBDA_PLATFORM.newestVersions[library as keyof typeof LAMBDA_PLATFORM.newestVersions];
    if (compareVersions(version.split('.').map(Number), newest) > 0) return `it needs ${library}_${version}, and the runtime has ${library}_${newest.join('.')}`;
  }
  return undefined;
}

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}
