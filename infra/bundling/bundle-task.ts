/**
 * Bundles one task's function into a single CommonJS file for Lambda with esbuild's JS API, at
 * synth time and without Docker. The entry is generated: it imports the task's workflow package and
 * exports `lambdaEntry(package, task name)` as `handler`. The package's native packages (those its
 * task carries: a package may limit one to some tasks) are copied beside the bundle (see native-addons.ts).
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import type { WorkflowPackage } from '../../src/builder';
import { assertFitsLambda } from './asset-size';
import { copyNativePackages } from './native-addons';

export interface BundleOptions {
  readonly repositoryRoot: string;
  /** The directory the bundle (`index.js`) is written to; it becomes the function's code asset. */
  readonly outDir: string;
}

const LAMBDA_ENTRY = 'src/services/aws/lambda-entry.ts';

export function bundleTask(pkg: WorkflowPackage, taskName: string, options: BundleOptions): string {
  const entry = [
    `import { lambdaEntryOf } from ${JSON.stringify(path.join(options.repositoryRoot, LAMBDA_ENTRY))};`,
    `import * as workflowPackage from ${JSON.stringify(pkg.module)};`,
    `export const handler = lambdaEntryOf(workflowPackage, ${JSON.stringify(taskName)});`,
  ].join('\n');
  mkdirSync(options.outDir, { recursive: true });
  // Compiled addons load relative to their package's JavaScript, so those packages stay whole and
  // external; a package that only supplies data files is bundled and its files are shipped beside.
  const external = pkg.nativePackages.filter((native) => native.binary !== undefined).map((native) => native.name);
  const { metafile } = buildSync({
    stdin: { contents: entry, resolveDir: options.repositoryRoot, loader: 'ts', sourcefile: 'lambda-entry.ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: path.join(options.outDir, 'index.js'),
    // Bundles must not depend on where the repository sits, or each checkout would deploy new code.
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'error',
    absWorkingDir: options.repositoryRoot,
    external,
    // ES modules bundled into CommonJS lose import.meta; packages that load files relative to
    // themselves (sharp's `createRequire(import.meta.url)`) get the bundle's own address instead.
    banner: { js: `const ${IMPORT_META_URL} = require('node:url').pathToFileURL(__filename).href;` },
    define: { 'import.meta.url': IMPORT_META_URL },
    metafile: true,
  });
  const carried = pkg.nativePackages.filter((native) => native.tasks === undefined || native.tasks.some((task) => task.name === taskName));
  // A package imported dynamically is loaded only where its code is reached (onnxruntime-node, by the
  // tasks that run the detector), so only the static imports of a package must be carried by every task.
  const imported = Object.values(metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external && i.kind !== 'dynamic-import').map((i) => i.path));
  const missing = external.filter((name) => !carried.some((native) => native.name === name) && imported.some((i) => i === name || i.startsWith(`${name}/`)));
  if (missing.length > 0) throw new Error(`Task ${taskName}'s bundle imports ${missing.join(', ')}, which its function would not carry: add the task to the native package's tasks.`);
  copyNativePackages(carried, options.repositoryRoot, options.outDir);
  assertFitsLambda(options.outDir, taskName);
  return options.outDir;
}

const IMPORT_META_URL = '__statecraftImportMetaUrl';
