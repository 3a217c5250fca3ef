/** `aws events … --endpoint-url` works unchanged against the local endpoint. */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eventually, startEventsHarness, type EventsHarness } from './harness';

const run = promisify(execFile);

function cliAvailable(): boolean {
  try {
    execFileSync('aws', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// Skipped only where the AWS CLI is not installed; the SDK tests cover the same operations.
const describeWithCli = cliAvailable() ? describe : describe.skip;

describeWithCli('the AWS CLI against the local endpoint', () => {
  let h: EventsHarness;
  const received: unknown[] = [];
  const workDir = mkdtempSync(join(tmpdir(), 'statecraft-events-cli-'));
  // The server runs in this process, so the CLI must run asynchronously.
  const aws = async (...args: string[]): Promise<any> => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const { stdout } = await run('aws', ['--endpoint-url', h.server.url, '--output', 'json', 'events', ...args], {
      env: {
        ...process.env,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_CONFIG_FILE: join(workDir, 'no-config'),
        AWS_SHARED_CREDENTIALS_FILE: join(workDir, 'no-credentials'),
      },
    });
    return stdout.trim() === '' ? {} : JSON.parse(stdout);
  };

  beforeAll(async () => {
    h = await startEventsHarness({ functions: { sink: (event) => void received.push(event) } });
  });
  afterAll(() => h.close());

  test('put-rule, put-targets, put-events, list-rules and test-event-pattern', async () => {
    expect(await aws('put-rule', '--name', 'cli-rule', '--event-pattern', '{"source":["cli.app"]}')).toEqual({ RuleArn: 'arn:aws:events:us-east-1:000000000000:rule/cli-rule' });
    await aws('put-targets', '--rule', 'cli-rule', '--targets', 'Id=t1,Arn=arn:aws:lambda:us-east-1:000000000000:function:sink');
    const put = await aws('put-events', '--entries', JSON.stringify([{ Source: 'cli.app', DetailType: 'Hello', Detail: '{"from":"cli"}' }]));
    expect(put.FailedEntryCount).toBe(0);
    await eventually(() => (received.length > 0 ? true : undefined));
    expect(received[0]).toMatchObject({ id: put.Entries[0].EventId, source: 'cli.app', detail: { from: 'cli' } });
    expect((await aws('list-rules')).Rules.map((r: { Name: string }) => r.Name)).toEqual(['cli-rule']);
    expect(await aws('test-event-pattern', '--event-pattern', '{"source":["a"]}', '--event', JSON.stringify({ id: '1', source: 'a', 'detail-type': 'x', account: '1', region: 'r', time: '2024-01-01T00:00:00Z', resources: [], detail: {} }))).toEqual({ Result: true });
  });

  test('an error comes back as the CLI prints AWS errors', async () => {
    await expect(aws('describe-rule', '--name', 'ghost')).rejects.toThrow(/ResourceNotFoundException.*Rule ghost does not exist on EventBus default/);
  });
});
