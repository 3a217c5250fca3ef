/**
 * The AWS CLI against `statecraft serve`, as a user drives it: a state machine over a user's Lambda
 * handler (aws stepfunctions), a rule on an upload prefix (aws events), and `aws s3 cp` starting an
 * execution whose input is the S3 event.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awsCli, describeWithAwsCli } from '../support/aws-cli';
import { serveProcess, type ServeProcess } from './serve-process';

describeWithAwsCli('the AWS CLI against statecraft serve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'statecraft-cli-serve-'));
  let server: ServeProcess;
  const aws = awsCli(() => server.endpoint);
  const ROLE = 'arn:aws:iam::000000000000:role/cli';

  beforeAll(async () => {
    const functions = join(dir, 'functions');
    mkdirSync(functions);
    writeFileSync(join(functions, 'greet.js'), 'exports.handler = async (event) => ({ greeting: `hello ${event.name}` });\n');
    writeFileSync(join(dir, 'greet.asl.json'), JSON.stringify({ StartAt: 'Greet', States: { Greet: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:000000000000:function:greet', End: true } } }));
    writeFileSync(join(dir, 'echo.asl.json'), JSON.stringify({ StartAt: 'Echo', States: { Echo: { Type: 'Pass', End: true } } }));
    server = await serveProcess(join(dir, 'data'), functions);
  });
  afterAll(async () => {
    await server.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  async function finished(executionArn: string): Promise<{ status: string; input: string; output?: string }> {
    for (;;) {
      const described = await aws.json('stepfunctions', 'describe-execution', '--execution-arn', executionArn);
      if (described.status !== 'RUNNING') return described;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  test('aws stepfunctions: create a state machine over a --functions handler, run it, read its history', async () => {
    const { stateMachineArn } = await aws.json('stepfunctions', 'create-state-machine', '--name', 'greet', '--role-arn', ROLE, '--definition', `file://${join(dir, 'greet.asl.json')}`);
    const { executionArn } = await aws.json('stepfunctions', 'start-execution', '--state-machine-arn', stateMachineArn, '--input', '{"name":"ada"}');
    expect(await finished(executionArn)).toMatchObject({ status: 'SUCCEEDED', output: '{"greeting":"hello ada"}' });
    const { events } = await aws.json('stepfunctions', 'get-execution-history', '--execution-arn', executionArn);
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'ExecutionStarted', 'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionSucceeded', 'TaskStateExited', 'ExecutionSucceeded',
    ]);
  });

  test('aws s3 cp into a notification-enabled bucket starts the state machine a prefix rule targets, with the S3 event as input', async () => {
    await aws('s3', 'mb', 's3://uploads');
    await aws('s3api', 'put-bucket-notification-configuration', '--bucket', 'uploads', '--notification-configuration', '{"EventBridgeConfiguration": {}}');
    const { stateMachineArn } = await aws.json('stepfunctions', 'create-state-machine', '--name', 'echo', '--role-arn', ROLE, '--definition', `file://${join(dir, 'echo.asl.json')}`);
    await aws.json('events', 'put-rule', '--name', 'on-inbox', '--event-pattern', JSON.stringify({ source: ['aws.s3'], 'detail-type': ['Object Created'], detail: { bucket: { name: ['uploads'] }, object: { key: [{ prefix: 'inbox/' }] } } }));
    await aws.json('events', 'put-targets', '--rule', 'on-inbox', '--targets', JSON.stringify([{ Id: 'echo', Arn: stateMachineArn, RoleArn: ROLE }]));
    const file = join(dir, 'report.csv');
    writeFileSync(file, 'a,b\n1,2\n');
    await aws('s3', 'cp', '--only-show-errors', file, 's3://uploads/elsewhere/report.csv');
    await aws('s3', 'cp', '--only-show-errors', file, 's3://uploads/inbox/report.csv');
    let executions: { executionArn: string }[] = [];
    while (executions.length === 0) {
      executions = (await aws.json('stepfunctions', 'list-executions', '--state-machine-arn', stateMachineArn)).executions;
    }
    const done = await finished(executions[0].executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.input)).toMatchObject({
      source: 'aws.s3',
      'detail-type': 'Object Created',
      resources: ['arn:aws:s3:::uploads'],
      detail: { bucket: { name: 'uploads' }, object: { key: 'inbox/report.csv', size: 8 }, reason: 'PutObject' },
    });
    expect((await aws.json('stepfunctions', 'list-executions', '--state-machine-arn', stateMachineArn)).executions).toHaveLength(1);
  }, 60_000);
});
