/**
 * `statecraft serve` as a real child process (what `npm start` runs), for tests that kill it: starts
 * on a free port (or the one given) and resolves with the endpoint once it listens.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

export const STATECRAFT = resolve(__dirname, '../../bin/statecraft.js');

export interface ServeProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  /** Everything it has written to stdout so far (the start banner first). */
  output(): string;
  /** Everything it has written to stderr so far. */
  errors(): string;
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
  /** Resolves with the exit code, or rejects when the process is still alive after `withinMs`. */
  exited(withinMs: number): Promise<number | null>;
}

export function serveProcess(dataDir: string, functionsDir = join(dataDir, 'no-functions'), port = 0): Promise<ServeProcess> {
  const child = spawn(process.execPath, [STATECRAFT, 'serve', '--port', String(port), '--data-dir', dataDir, '--functions', functionsDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const kill = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGKILL');
    });
  const exited = (withinMs: number) =>
    new Promise<number | null>((done, failed) => {
      const timer = setTimeout(() => failed(new Error(`statecraft serve still runs ${withinMs} ms later; stderr: ${err}`)), withinMs);
      void exit.then((code) => (clearTimeout(timer), done(code)));
    });
  return new Promise((started, failed) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const endpoint = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (endpoint) started({ child, endpoint, kill, exited, output: () => out, errors: () => err });
    });
    child.once('exit', (code, signal) => failed(new Error(`statecraft serve exited before listening (${signal ?? code}): ${out}${err}`)));
  });
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the `statecraft` command to its end: its exit code and output. */
export async function statecraft(args: string[], options: { cwd?: string } = {}): Promise<CommandResult> {
  return new Promise((done) => {
    execFile(process.execPath, [STATECRAFT, ...args], { cwd: options.cwd }, (error, stdout, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
