/**
 * The real AWS CLI as a client of a local endpoint. Tests that use it are skipped, with the reason
 * printed, only where the CLI is not installed (CI installs it: see .ci/run).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

function cliInstalled(): boolean {
  try {
    execFileSync('aws', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const describeWithAwsCli: jest.Describe = cliInstalled()
  ? describe
  : (((name: string, ...rest: unknown[]) => {
      process.stderr.write(`skipped "${name}": the AWS CLI (aws) is not installed\n`);
      (describe.skip as (...args: unknown[]) => void)(name, ...rest);
    }) as jest.Describe);

export interface AwsCli {
  /** Runs `aws --endpoint-url <endpoint> <args…>` asynchronously (the server may be in this process); stdout and stderr. */
  (...args: string[]): Promise<{ stdout: string; stderr: string }>;
  /** The same with `--output json`, parsed (`{}` for no output). */
  json(...args: string[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The CLI against `endpoint()` with throwaway credentials, no config files of the user's, and `env` on top. */
export function awsCli(endpoint: () => string, env: Record<string, string> = {}): AwsCli {
  const home = mkdtempSync(join(tmpdir(), 'statecraft-aws-cli-'));
  const fullEnv = {
    ...process.env,
    AWS_ACCESS_KEY_ID: 'AKIDLOCAL',
    AWS_SECRET_ACCESS_KEY: 'local-secret',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(home, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
    AWS_PAGER: '',
    ...env,
  };
  const cli = (...args: string[]) => run('aws', ['--endpoint-url', endpoint(), ...args], { env: fullEnv, maxBuffer: 16 * 1024 * 1024 });
  const json = async (...args: string[]) => {
    const { stdout } = await cli('--output', 'json', ...args);
    return stdout.trim() === '' ? {} : JSON.parse(stdout);
  };
  return Object.assign(cli, { json });
}
