/**
 * Lambda refuses a function whose code, unzipped, exceeds 250 MB (layers included; the functions
 * use none), so synth measures each bundle directory and refuses one that would not deploy.
 */
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** Lambda's quota on a function's unzipped deployment package: 250 MB. */
export const LAMBDA_UNZIPPED_CODE_LIMIT_BYTES = 250 * 1024 * 1024;

/** The bytes of every file under `dir`, as the unzipped package holds them. */
export function directoryBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => statSync(path.join(dir, name)))
    .filter((stat) => stat.isFile())
    .reduce((sum, stat) => sum + stat.size, 0);
}

export function assertFitsLambda(dir: string, taskName: string): number {
  const bytes = directoryBytes(dir);
  if (bytes > LAMBDA_UNZIPPED_CODE_LIMIT_BYTES) {
    throw new Error(`Task ${taskName}'s code is ${megabytes(bytes)} MB unzipped, over Lambda's ${megabytes(LAMBDA_UNZIPPED_CODE_LIMIT_BYTES)} MB: limit a large native package to the tasks that need it.`);
  }
  return bytes;
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
