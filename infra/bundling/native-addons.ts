/**
 * Native addons and executables cannot be bundled into one JavaScript file, so bundles leave the
 * packages a workflow package declares (`nativePackages`) external and each function's code carries
 * them beside its bundle: `node_modules/<name>/` with the compiled files that `npm ci` put on the
 * machine running synth. Lambda loads that file as
 * it is, so synth refuses a build Lambda could not load (another OS or architecture, or a C library
 * newer than the runtime's) instead of deploying functions that fail at their first training.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
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

/** Copies each native package into `<outDir>/node_modules/`, after checking it runs on Lambda. */
export function copyNativePackages(packages: readonly NativePackage[], repositoryRoot: string, outDir: string): void {
  for (const pkg of packages) {
    const source = path.dirname(require.resolve(`${pkg.name}/package.json`, { paths: [repositoryRoot] }));
    assertRunsOnLambda(path.join(source, pkg.binary), pkg.name);
    for (const file of pkg.files) {
      const target = path.join(outDir, 'node_modules', pkg.name, file);
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(path.join(source, file), target);
    }
  }
}

export function assertRunsOnLambda(binaryPath: string, packageName: string): void {
  const problem = lambdaIncompatibility(readFileSync(binaryPath));
  if (problem) {
    throw new Error(
      `${packageName}'s compiled addon cannot run on the task functions' Lambda runtime (nodejs24.x, Amazon Linux 2023, ` +
        `${LAMBDA_PLATFORM.architecture}): ${problem}. It is built by npm ci on the machine that runs synth: synthesize on ` +
        `${LAMBDA_PLATFORM.architecture} Linux with glibc 2.34 or older (for example in the public.ecr.aws/sam/build-nodejs24.x image).`,
    );
  }
}

/** Why Lambda could not load this shared object, or undefined when it could. */
export function lambdaIncompatibility(binary: Buffer): string | undefined {
  if (binary.readUInt32BE(0) !== 0x7f454c46) return 'it is not a Linux (ELF) shared object';
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
