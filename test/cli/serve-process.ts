/**
 * `statecraft serve` as a real child process (what `npm start` runs), for tests that kill it: starts
 * on a free port and resolves with the endpoint once it listens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const STATECRAFT = resolve(__dirname, '../../bin/statecraft.js');

export interface ServeProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  /** Everything it has written to stdout so far (the start banner first). */
  output(): string;
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
}

export function serveProcess(dataDir: string, functionsDir = join(dataDir, 'no-functions')): Promise<ServeProcess> {
  const child = spawn(process.execPath, [STATECRAFT, 'serve', '--port', '0', '--data-dir', dataDir, '--functions', functionsDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const kill = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGKILL');
    });
  return new Promise((started, failed) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const endpoint = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (endpoint) started({ child, endpoint, kill, output: () => out });
    });
    child.once('exit', (code, signal) => failed(new Error(`statecraft serve exited before listening (${signal ?? code}): ${out}`)));
  });
}
