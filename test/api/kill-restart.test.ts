/** A real server process is killed with SIGKILL mid-execution; a new one finishes the execution without repeating a state. */
import { CreateStateMachineCommand, DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROLE, definition, lambdaArn } from './sfn-harness';

const ROOT = resolve(__dirname, '../..');

function serve(dataDir: string, functionsDir: string): Promise<{ child: ChildProcess; sfn: SFNClient }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/run-ts.js'), join(__dirname, 'fixtures/serve.ts'), dataDir, functionsDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolvePort, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = /PORT (\d+)/.exec(out)?.[1];
      if (port) {
        const sfn = new SFNClient({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
        resolvePort({ child, sfn });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)));
  });
}

async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('kill -9 during a Wait, restart: the execution completes and no state runs twice', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'statecraft-kill-'));
  const functionsDir = join(dir, 'functions');
  const marker = join(dir, 'marker.txt');
  writeFileSync(marker, '');
  mkdirSync(functionsDir);
  writeFileSync(
    join(functionsDir, 'mark.js'),
    `const fs = require('node:fs');\nexports.handler = async (event) => { fs.appendFileSync(${JSON.stringify(marker)}, event.step + '\\n'); return event; };\n`,
  );
  const dataDir = join(dir, 'data');

  const first = await serve(dataDir, functionsDir);
  const { stateMachineArn } = await first.sfn.send(
    new CreateStateMachineCommand({
      name: 'crash',
      roleArn: ROLE,
      definition: definition({
        A: { Type: 'Task', Resource: lambdaArn('mark'), Parameters: { step: 'A' }, ResultPath: null, Next: 'Pause' },
        Pause: { Type: 'Wait', Seconds: 2, Next: 'B' },
        B: { Type: 'Task', Resource: lambdaArn('mark'), Parameters: { step: 'B' }, End: true },
      }),
    }),
  );
  const { executionArn } = await first.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'survivor' }));
  await until(async () => {
    const events = (await first.sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events!;
    return events.some((e) => e.type === 'WaitStateEntered') ? true : undefined;
  });
  const exited = new Promise((r) => first.child.once('exit', r));
  first.child.kill('SIGKILL');
  await exited;
  first.sfn.destroy();

  const second = await serve(dataDir, functionsDir);
  try {
    const done = await until(async () => {
      const d = await second.sfn.send(new DescribeExecutionCommand({ executionArn }));
      return d.status === 'RUNNING' ? undefined : d;
    });
    expect(done).toMatchObject({ status: 'SUCCEEDED', output: '{"step":"B"}' });
    expect(readFileSync(marker, 'utf8')).toBe('A\nB\n');
    const events = (await second.sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events!;
    const entered = events.filter((e) => e.type!.endsWith('StateEntered')).map((e) => e.stateEnteredEventDetails!.name);
    expect(entered).toEqual(['A', 'Pause', 'B']);
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
  } finally {
    second.child.kill('SIGKILL');
    second.sfn.destroy();
  }
});
