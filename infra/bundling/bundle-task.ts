/**
 * Bundles one task's handler into a single CommonJS file for Lambda with esbuild's JS API, at
 * synth time and without Docker. The bundle's entry is generated: it first installs the AWS
 * services, then re-exports the task module's handler unchanged. Native addons stay external and
 * are copied beside the bundle (see native-addons.ts).
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { copyNativePackages, NATIVE_PACKAGES } from './native-addons';

export interface HandlerReference {
  /** Module path relative to the repository root, e.g. `tasks/kfold/split.ts`. */
  readonly modulePath: string;
  /** @default 'handler' */
  readonly exportName: string;
}

/** `tasks/kfold/split.ts` or `tasks/kfold/split.ts#split`: the module and the export that is the handler. */
export function parseHandlerReference(reference: string): HandlerReference {
  const [modulePath, exportName = 'handler'] = reference.split('#');
  return { modulePath: modulePath!, exportName };
}

export interface BundleOptions {
  readonly repositoryRoot: string;
  /** The directory the bundle (`index.js`) is written to; it becomes the function's code asset. */
  readonly outDir: string;
  /** Module that installs the host's services when imported. @default infra/lambda/install-aws-services.ts */
  readonly servicesModule?: string;
}

export function bundleTask(handler: HandlerReference, options: BundleOptions): string {
  const services = options.servicesModule ?? path.join(options.repositoryRoot, 'infra/lambda/install-aws-services.ts');
  const entry = [
    `import ${JSON.stringify(services)};`,
    `export { ${handler.exportName} as handler } from ${JSON.stringify(path.resolve(options.repositoryRoot, handler.modulePath))};`,
  ].join('\n');
  mkdirSync(options.outDir, { recursive: true });
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
    external: NATIVE_PACKAGES.map((pkg) => pkg.name),
    metafile: true,
  });
  const imported = Object.values(metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path));
  copyNativePackages(imported, options.repositoryRoot, options.outDir);
  return options.outDir;
}
