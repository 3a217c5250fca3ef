/** Runs the CLI in this process as a user's command line would, capturing what it writes. */
import type { WorkflowRegistry } from '../../src/builder';
import { dispatch } from '../../src/cli/main';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(registry: WorkflowRegistry, argv: readonly string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    return { code: await dispatch([...argv], registry), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
