/**
 * The console over HTTP, in-process: what it answers and what it leaves to the AWS APIs, the
 * refusal of cross-site and rebinding requests, live history over server-sent events, input
 * validation, the model registry's decisions, the bus's recent events.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Type } from '@sinclair/typebox';
import { createLocalEndpoint, type RunningServer } from '../../src/api';
import { createConsole, type Console, type ConsoleModelRegistry, type ConsoleModelVersion } from '../../src/console';
import { createLocalRuntime, type LocalRuntime } from '../../src/host';
import { eventually } from '../support/eventually';
import { registry } from '../../workflows/registry';

let dir: string;
let runtime: LocalRuntime;
let web: Console;
let server: RunningServer;
let host: string;
const versions: ConsoleModelVersion[] = [];

const models: ConsoleModelRegistry = {
  list: async () => versions,
  decide: async (modelName, version, decision, reason) => {
    const found = versions.find((v) => v.modelName === modelName && v.version === version);
    if (!found) throw Object.assign(new Error(`Model "${modelName}" has no version ${version}.`), { name: 'ModelVersionNotFound' });
    Object.assign(found, { status: decision === 'approve' ? 'Approved' : 'Rejected', ...(reason && { statusReason: reason }) });
    return found;
  },
};

const WAIT_MACHINE = JSON.stringify({ StartAt: 'Pause', States: { Pause: { Type: 'Wait', Seconds: 1, Next: 'Done' }, Done: { Type: 'Pass', End: true } } });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-console-'));
  const view = join(dir, 'view.js');
  writeFileSync(view, 'export function render(container) { container.textContent = "hello"; }\n');
  writeFileSync(join(dir, 'beside.js'), 'export const beside = true;\n');
  writeFileSync(join(dir, 'notes.txt'), 'not a module\n');
  runtime = await createLocalRuntime({ registry, dataDir: dir, bus: true, workers: 1 });
  web = createConsole({
    engine: runtime.engine,
    bus: runtime.bus,
    scheduler: runtime.scheduler,
    listenHost: '127.0.0.1',
    workflows: [{ name: 'shapes', inputSchema: Type.Object({ size: Type.Integer({ minimum: 2 }), name: Type.String() }) }],
    resultViews: [{ workflow: 'shapes', title: 'Shapes', module: view }],
    pages: [{ route: 'tally', title: 'Tally', module: view, settings: { bucket: 'tallies' } }],
    models,
  });
  server = await createLocalEndpoint({ ...runtime, bus: runtime.bus! }, { front: web.front });
  host = `127.0.0.1:${server.port}`;
  runtime.engine.createStateMachine({ name: 'pause', definition: WAIT_MACHINE, roleArn: 'arn:aws:iam::000000000000:role/r' });
});

afterAll(async () => {
  await server.close();
  web.close();
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers: { host, ...headers } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const sfn = (operation: string, input: unknown, headers: Record<string, string> = {}) =>
  call('POST', '/', { 'X-Amz-Target': `AWSStepFunctions.${operation}`, 'Content-Type': 'application/x-amz-json-1.0', ...headers }, JSON.stringify(input));

const json = (answer: Answer) => JSON.parse(answer.body) as Record<string, unknown>;

describe('what the console answers and what it leaves to S3', () => {
  test('a browser opening / gets the page, with a policy that allows only this server', async () => {
    const page = await call('GET', '/', { Accept: 'text/html,application/xhtml+xml' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script type="module" src="/_console/app/main.js">');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  test.each([
    ['no Accept', {}],
    ['a signed request asking for HTML', { Accept: 'text/html', Authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/s3/aws4_request' }],
  ])('GET / with %s is S3’s ListBuckets', async (_, headers) => {
    const answer = await call('GET', '/', headers);
    expect(answer.body).toContain('<ListAllMyBucketsResult');
  });

  test.each([
    ['/_console/app/main.js', 200, 'text/javascript'],
    ['/_console/app/style.css', 200, 'text/css'],
    ['/_console/lib/chart.js', 200, 'text/javascript'],
    ['/_console/lib/elk.js', 200, 'text/javascript'],
    ['/_console/views/0.js', 200, 'text/javascript'],
    ['/_console/views/1.js', 404, 'application/json'],
    ['/_console/pages/0/view.js', 200, 'text/javascript'],
    ['/_console/pages/0/beside.js', 200, 'text/javascript'],
    ['/_console/pages/0/missing.js', 404, 'application/json'],
    ['/_console/pages/0/notes.txt', 404, 'application/json'],
    ['/_console/pages/0/..%2fview.js', 404, 'application/json'],
    ['/_console/pages/0/../0/view.js', 200, 'text/javascript'],
    ['/_console/pages/1/view.js', 404, 'application/json'],
    ['/_console/app/../console.ts', 404, 'application/json'],
    ['/_console/app/%2e%2e/console.ts', 404, 'application/json'],
    ['/_console/lib/jsonata.js', 404, 'application/json'],
  ])('GET %s answers %s', async (path, status, type) => {
    const answer = await call('GET', path);
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toContain(type);
  });

  test('config lists the host’s workflows with their input schemas, result views and pages by URL', async () => {
    const config = json(await call('GET', '/_console/api/config'));
    expect(config).toMatchObject({
      workflows: [{ name: 'shapes', inputSchema: expect.objectContaining({ type: 'object', required: ['size', 'name'] }) }],
      resultViews: [{ workflow: 'shapes', title: 'Shapes', url: '/_console/views/0.js' }],
      pages: [{ route: 'tally', title: 'Tally', settings: { bucket: 'tallies' }, url: '/_console/pages/0/view.js' }],
      models: true,
      events: true,
    });
  });

  test('a page may not take one of the console’s own routes', () => {
    expect(() => createConsole({ engine: runtime.engine, listenHost: '127.0.0.1', pages: [{ route: 'models', title: 'Mine', module: 'x.js' }] })).toThrow(
      'Console pages may not take the console\'s own routes: "models" (Mine)',
    );
  });

  test('an unknown console operation is a 404 naming it', async () => {
    expect(json(await call('GET', '/_console/api/nothing'))).toEqual({ __type: 'NotFound', message: 'No console operation GET nothing' });
  });
});

describe('the guard', () => {
  test.each([
    ['the console', 'GET', '/_console/api/config', {}],
    ['the page', 'GET', '/', { Accept: 'text/html' }],
    ['the Step Functions API', 'POST', '/', { 'X-Amz-Target': 'AWSStepFunctions.ListStateMachines', 'Content-Type': 'application/x-amz-json-1.0' }],
    ['the S3 API', 'GET', '/statecraft-data', {}],
  ])('refuses a foreign Host on %s', async (_, method, path, headers) => {
    const answer = await call(method, path, { ...headers, host: `evil.example:${server.port}` });
    expect(answer.status).toBe(403);
    expect(json(answer)).toMatchObject({ __type: 'AccessDeniedException', message: expect.stringContaining("Host 'evil.example") });
  });

  test('refuses a cross-site StartExecution and starts nothing', async () => {
    const arn = `arn:aws:states:us-east-1:000000000000:stateMachine:pause`;
    const answer = await sfn('StartExecution', { stateMachineArn: arn, name: 'from-evil' }, { Origin: 'http://evil.example' });
    expect(answer.status).toBe(403);
    expect(json(await sfn('ListExecutions', { stateMachineArn: arn })).executions).toEqual([]);
  });

  test('refuses a cross-site decision on a model and leaves it pending', async () => {
    versions.push(version('guarded', 1));
    const body = JSON.stringify({ modelName: 'guarded', version: 1, decision: 'approve' });
    const answer = await call('POST', '/_console/api/models/decide', { Origin: 'http://evil.example', 'Content-Type': 'text/plain' }, body);
    expect(answer.status).toBe(403);
    const sameSiteButOtherPort = await call('POST', '/_console/api/models/decide', { 'Sec-Fetch-Site': 'same-site' }, body);
    expect(sameSiteButOtherPort.status).toBe(403);
    expect(versions.find((v) => v.modelName === 'guarded')!.status).toBe('PendingManualApproval');
  });
});

describe('input validation', () => {
  test.each([
    [{ size: 1 }, [{ path: '/size', message: 'must be >= 2' }, { path: '/name', message: 'is required' }]],
    [{ size: 2, name: 'square' }, []],
    ['not an object', [{ path: '', message: 'must be object' }]],
  ])('%j → %j', async (input, problems) => {
    const answer = json(await call('POST', '/_console/api/validate', { 'Content-Type': 'application/json' }, JSON.stringify({ workflow: 'shapes', input })));
    expect((answer.problems as unknown[]).sort()).toEqual(expect.arrayContaining(problems));
    expect(answer.problems).toHaveLength(problems.length);
  });

  test('an unknown workflow and a body that is not JSON are refused with a name', async () => {
    expect(json(await call('POST', '/_console/api/validate', {}, JSON.stringify({ workflow: 'nope', input: {} })))).toMatchObject({ __type: 'StateMachineDoesNotExist' });
    expect(json(await call('POST', '/_console/api/validate', {}, '{oops'))).toEqual({ __type: 'ValidationException', message: 'The request body must be a JSON object' });
  });
});

describe('live history', () => {
  test('an execution’s stream sends its whole history as it happens, in AWS’s shape, and resumes after Last-Event-ID', async () => {
    const statuses = openStream('/_console/api/stream');
    const { executionArn } = json(await sfn('StartExecution', { stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:pause', input: '{"n":1}' })) as { executionArn: string };
    const live = openStream(`/_console/api/execution-stream?arn=${encodeURIComponent(executionArn)}`);
    const events = await live.until((received) => received.some((e) => e.data.type === 'ExecutionSucceeded'));
    live.close();
    expect(events.map((e) => e.data.type)).toEqual(['ExecutionStarted', 'WaitStateEntered', 'WaitStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
    expect(events.map((e) => e.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    // As on AWS, the first state's entry links to no event (previousEventId 0).
    expect(events[1].data).toMatchObject({ id: 2, previousEventId: 0, stateEnteredEventDetails: { name: 'Pause', input: '{"n":1}' } });

    const resumed = openStream(`/_console/api/execution-stream?arn=${encodeURIComponent(executionArn)}`, { 'Last-Event-ID': '4' });
    const rest = await resumed.until((received) => received.length === 2);
    resumed.close();
    expect(rest.map((e) => e.data.type)).toEqual(['PassStateExited', 'ExecutionSucceeded']);

    const changes = await statuses.until((received) => received.some((e) => e.data.type === 'ExecutionSucceeded'));
    statuses.close();
    expect(changes.map((e) => [e.event, e.data.type, e.data.executionArn])).toEqual([
      ['status', 'ExecutionStarted', executionArn],
      ['status', 'ExecutionSucceeded', executionArn],
    ]);
  });

  test('a stream of an execution that does not exist is refused with AWS’s error name', async () => {
    const answer = await call('GET', `/_console/api/execution-stream?arn=${encodeURIComponent('arn:aws:states:us-east-1:000000000000:execution:pause:nope')}`);
    expect(answer.status).toBe(400);
    expect(json(answer)).toMatchObject({ __type: 'ExecutionDoesNotExist' });
  });
});

describe('models and events', () => {
  test('approve and reject through the host’s registry; its refusals keep their names', async () => {
    versions.push(version('iris', 1), version('iris', 2));
    const decide = (body: unknown) => call('POST', '/_console/api/models/decide', { 'Content-Type': 'application/json' }, JSON.stringify(body));
    expect(json(await decide({ modelName: 'iris', version: 1, decision: 'approve', reason: 'good' }))).toMatchObject({ status: 'Approved', statusReason: 'good' });
    expect(json(await decide({ modelName: 'iris', version: 2, decision: 'reject' }))).toMatchObject({ status: 'Rejected' });
    expect(json(await decide({ modelName: 'iris', version: 9, decision: 'approve' }))).toEqual({ __type: 'ModelVersionNotFound', message: 'Model "iris" has no version 9.' });
    expect(json(await decide({ modelName: 'iris', version: '1', decision: 'maybe' }))).toMatchObject({ __type: 'ValidationException' });
    expect((json(await call('GET', '/_console/api/models')).versions as ConsoleModelVersion[]).map((v) => `${v.modelName} v${v.version} ${v.status}`)).toEqual(
      expect.arrayContaining(['iris v1 Approved', 'iris v2 Rejected']),
    );
  });

  test('the bus’s recent events, newest first, with the deliveries they queued', async () => {
    runtime.bus!.putEvents({ Entries: [{ Source: 'console.test', DetailType: 'Ping', Detail: '{"n":1}' }] });
    const { events } = json(await call('GET', '/_console/api/bus/recent')) as { events: { bus: string; queued: number; event: { source: string } }[] };
    expect(events[0]).toMatchObject({ bus: 'default', queued: 0, event: { source: 'console.test', 'detail-type': 'Ping', detail: { n: 1 } } });
    expect(json(await call('GET', '/_console/api/bus/dead-letters'))).toEqual({ deadLetters: [] });
  });

  test("a schedule's firing that cannot start its target is listed among the dead letters, with the schedule it came from", async () => {
    const soon = new Date(Date.now() + 1500).toISOString().slice(0, 19);
    const dlq = 'arn:aws:sqs:us-east-1:000000000000:console-dlq';
    runtime.scheduler!.createSchedule({
      Name: 'nowhere',
      ScheduleExpression: `at(${soon})`,
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: { Arn: 'arn:aws:states:us-east-1:000000000000:stateMachine:nowhere', RoleArn: 'arn:aws:iam::000000000000:role/r', Input: '{"n":1}', RetryPolicy: { MaximumRetryAttempts: 0 }, DeadLetterConfig: { Arn: dlq } },
    });
    const letters = await eventually(async () => {
      const { deadLetters } = json(await call('GET', '/_console/api/bus/dead-letters')) as { deadLetters: { queueArn: string; body: string; attributes: Record<string, string> }[] };
      return deadLetters.length > 0 ? deadLetters : undefined;
    });
    expect(letters).toEqual([expect.objectContaining({ queueArn: dlq, body: '{"n":1}', attributes: expect.objectContaining({ SCHEDULE_ARN: expect.stringContaining(':schedule/default/nowhere') }) })]);
  });
});

function version(modelName: string, n: number): ConsoleModelVersion {
  return { modelName, version: n, status: 'PendingManualApproval', createdAt: '2026-01-01T00:00:00.000Z', metrics: { 'mean score': 0.9 }, facts: {} };
}

interface Received {
  event: string;
  id?: string;
  data: Record<string, unknown>;
}

/** An EventSource of sorts: the server-sent events of `path`, parsed. */
function openStream(path: string, headers: Record<string, string> = {}) {
  const received: Received[] = [];
  let wake = () => {};
  let buffer = '';
  const req = request({ host: '127.0.0.1', port: server.port, path, headers: { host, Accept: 'text/event-stream', ...headers } }, (res) => {
    res.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]));
        if (fields.data !== undefined) received.push({ event: fields.event, id: fields.id, data: JSON.parse(fields.data) as Record<string, unknown> });
      }
      wake();
    });
  });
  req.on('error', () => {});
  req.end();
  return {
    until: (done: (list: Received[]) => boolean) =>
      new Promise<Received[]>((resolve) => {
        const check = () => (done(received) ? resolve(received) : undefined);
        wake = check;
        check();
      }),
    close: () => req.destroy(),
  };
}

describe('bound beyond loopback, the console asks for the token printed at start', () => {
  let open: Console;
  let exposed: RunningServer;

  beforeAll(async () => {
    // Listens on 127.0.0.1 as every test must, but is told it is bound to every interface.
    open = createConsole({ engine: runtime.engine, bus: runtime.bus, listenHost: '0.0.0.0' });
    exposed = await createLocalEndpoint({ ...runtime, bus: runtime.bus! }, { front: open.front });
  });
  afterAll(async () => {
    await exposed.close();
    open.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: exposed.port, path, headers: { host: `build-box.internal:${exposed.port}`, ...headers } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
      });
      req.on('error', reject);
      req.end();
    });

  test('the page, the console’s endpoints and browser calls to the APIs need the token; SDK calls do not', async () => {
    const entry = new URL(open.entryUrl(exposed.url));
    const token = entry.searchParams.get('token')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(open.entryUrl('http://x')).toBe(`http://x/?token=${token}`);
    expect(web.entryUrl('http://x')).toBe('http://x/');

    expect((await get('/', { Accept: 'text/html' })).status).toBe(401);
    expect((await get('/?token=wrong', { Accept: 'text/html' })).status).toBe(401);
    const accepted = await get(`/?token=${token}`, { Accept: 'text/html' });
    expect(accepted.status).toBe(303);
    expect(accepted.headers['set-cookie']).toEqual([`statecraft_console=${token}; HttpOnly; SameSite=Strict; Path=/`]);
    const cookie = `statecraft_console=${token}`;
    expect((await get('/', { Accept: 'text/html', Cookie: cookie })).body).toContain('<script type="module"');
    expect((await get('/_console/api/config')).status).toBe(403);
    expect((await get('/_console/api/config', { Cookie: cookie })).status).toBe(200);
    const origin = `http://build-box.internal:${exposed.port}`;
    expect((await get('/statecraft-data', { Origin: origin })).status).toBe(403);
    expect((await get('/?list-type=2', { Origin: origin, Cookie: cookie })).status).toBe(200);
    expect((await get('/', {})).body).toContain('<ListAllMyBucketsResult');
  });
});
