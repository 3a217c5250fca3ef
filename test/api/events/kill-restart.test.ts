/**
 * At-least-once across a crash: a server process accepts an event (PutEvents returned), is killed
 * with SIGKILL while its target is still handling it, and a new process on the same data delivers it.
 */
import { EventBridgeClient, PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveProcess } from '../../cli/serve-process';
import { CREDENTIALS, eventually } from './harness';

async function serve(dataDir: string, functionsDir: string) {
  const server = await serveProcess(dataDir, functionsDir);
  return { ...server, eb: new EventBridgeClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS }) };
}

function lines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

test('kill -9 after PutEvents returned and before the target finished: the restarted server delivers the event', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'statecraft-events-kill-'));
  const functionsDir = join(dir, 'functions');
  const [attempts, delivered, release] = ['attempts.txt', 'delivered.txt', 'release'].map((name) => join(dir, name));
  mkdirSync(functionsDir);
  // Blocks until the test creates `release`, so the first process dies mid-delivery.
  writeFileSync(
    join(functionsDir, 'slow.js'),
    `const fs = require('node:fs');
exports.handler = async (event) => {
  fs.appendFileSync(${JSON.stringify(attempts)}, event.id + '\\n');
  if (!fs.existsSync(${JSON.stringify(release)})) await new Promise(() => {});
  fs.appendFileSync(${JSON.stringify(delivered)}, event.id + '\\n');
};
`,
  );
  const dataDir = join(dir, 'data');

  const first = await serve(dataDir, functionsDir);
  await first.eb.send(new PutRuleCommand({ Name: 'r', EventPattern: '{"source": ["my.app"]}' }));
  await first.eb.send(new PutTargetsCommand({ Rule: 'r', Targets: [{ Id: 'slow', Arn: 'arn:aws:lambda:us-east-1:000000000000:function:slow' }] }));
  const { Entries } = await first.eb.send(new PutEventsCommand({ Entries: [{ Source: 'my.app', DetailType: 'T', Detail: '{}' }] }));
  const eventId = Entries![0].EventId!;
  await eventually(() => (lines(attempts).includes(eventId) ? true : undefined));
  await first.kill();
  first.eb.destroy();
  expect(lines(delivered)).toEqual([]);

  writeFileSync(release, '');
  const second = await serve(dataDir, functionsDir);
  try {
    await eventually(() => (lines(delivered).length > 0 ? true : undefined), 20_000);
    expect(lines(delivered)).toEqual([eventId]);
    expect(lines(attempts)).toEqual([eventId, eventId]);
  } finally {
    await second.kill();
    second.eb.destroy();
  }
}, 60_000);
