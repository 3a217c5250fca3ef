/**
 * `statecraft serve` keeps its schedules in the data directory: after kill -9, a restarted server
 * fires neither an occurrence the first one fired nor a backlog, and fires (late, once) the one that
 * came due while it was down.
 */
import { CreateScheduleCommand, GetScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveProcess } from '../../cli/serve-process';
import { eventually } from '../../support/eventually';
import { CREDENTIALS, ROLE } from './harness';

async function serve(dataDir: string, functionsDir: string) {
  const server = await serveProcess(dataDir, functionsDir);
  return { ...server, client: new SchedulerClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS }) };
}

/** `at()` takes wall-clock seconds in the schedule's zone (UTC here). */
function atExpression(ms: number): string {
  return `at(${new Date(ms).toISOString().slice(0, 19)})`;
}

test('kill -9 between two one-time schedules: the restarted server fires the second once and not the first again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'statecraft-scheduler-kill-'));
  const functionsDir = join(dir, 'functions');
  const marks = join(dir, 'marks.txt');
  mkdirSync(functionsDir);
  writeFileSync(join(functionsDir, 'mark.js'), `exports.handler = async (event) => { require('node:fs').appendFileSync(${JSON.stringify(marks)}, JSON.stringify(event) + '\\n'); };\n`);
  const read = () => (existsSync(marks) ? readFileSync(marks, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { name: string; at: string }) : []);
  const dataDir = join(dir, 'data');
  const target = (name: string) => ({ Arn: 'arn:aws:lambda:us-east-1:000000000000:function:mark', RoleArn: ROLE, Input: JSON.stringify({ name, at: '<aws.scheduler.scheduled-time>' }) });

  const first = await serve(dataDir, functionsDir);
  const soon = Math.ceil(Date.now() / 1000) * 1000 + 2000;
  const later = soon + 5000;
  try {
    await first.client.send(new CreateScheduleCommand({ Name: 'soon', ScheduleExpression: atExpression(soon), FlexibleTimeWindow: { Mode: 'OFF' }, Target: target('soon') }));
    await first.client.send(new CreateScheduleCommand({ Name: 'later', ScheduleExpression: atExpression(later), FlexibleTimeWindow: { Mode: 'OFF' }, Target: target('later') }));
    await eventually(() => (read().length > 0 ? true : undefined));
    // Let the delivery be marked done before the kill, so only firing (not delivery) is at stake.
    await new Promise((resolve) => setTimeout(resolve, 500));
  } finally {
    await first.kill();
    first.client.destroy();
  }
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, later + 500 - Date.now())));

  const second = await serve(dataDir, functionsDir);
  try {
    await eventually(() => (read().length > 1 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(read()).toEqual([
      { name: 'soon', at: new Date(soon).toISOString().replace('.000Z', 'Z') },
      { name: 'later', at: new Date(later).toISOString().replace('.000Z', 'Z') },
    ]);
    expect((await second.client.send(new GetScheduleCommand({ Name: 'soon' }))).State).toBe('ENABLED');
  } finally {
    await second.kill();
    second.client.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
