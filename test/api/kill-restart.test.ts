/** A real server process is killed with SIGKILL mid-execution; a new one finishes the execution without repeating a state. */
import { CreateStateMachineCommand, DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveProcess } from '../cli/serve-process';
import { ROLE, definition, lambdaArn } from './sfn-harness';
import { eventually } from '../support/eventually';

async function serve(dataDir: string, functionsDir: string) {
  const server = await serveProcess(dataDir, functionsDir);
  const sfn = new SFNClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  return { ...server, sfn };
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
  await eventually(async () => {
    const events = (await first.sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events!;
    return events.some((e) => e.type === 'WaitStateEntered') ? true : undefined;
  });
  await first.kill();
  first.sfn.destroy();

  const second = await serve(dataDir, functionsDir);
  try {
    const done = await eventually(async () => {
      const d = await second.sfn.send(new DescribeExecutionCommand({ executionArn }));
      return d.status === 'RUNNING' ? undefined : d;
    }, 20_000);
    expect(done).toMatchObject({ status: 'SUCCEEDED', output: '{"step":"B"}' });
    expect(readFileSync(marker, 'utf8')).toBe('A\nB\n');
    const events = (await second.sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events!;
    const entered = events.filter((e) => e.type!.endsWith('StateEntered')).map((e) => e.stateEnteredEventDetails!.name);
    expect(entered).toEqual(['A', 'Pause', 'B']);
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
  } finally {
    await second.kill();
    second.sfn.destroy();
  }
});
