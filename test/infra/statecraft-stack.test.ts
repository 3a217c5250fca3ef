import { Match } from 'aws-cdk-lib/assertions';
import { placeholderKey, substitute } from '../../infra/iam/placeholders';
import { stateMachineArn } from '../../infra/iam/state-machine-statements';
import { defineRegistry, defineSchedule, defineWorkflowPackage } from '../../src/builder';
import { examplePackage, FIXTURE_BUCKET, child, nightly, onUpload, parent, weeklyRescore } from '../fixtures/example-package';
import { findings, idleAcknowledgements, statementsOfRole, synthesize } from './synth';

const registry = defineRegistry({ packages: [examplePackage], modelRegistry: { bucket: FIXTURE_BUCKET, prefix: 'model-registry/' } });
const fixtureWorkflows = registry.workflows;
const synthesized = synthesize(registry);
const { template, stack, resolve } = synthesized;

function resourceWith(type: string, properties: Record<string, unknown>): [string, { Properties: Record<string, any> }] {
  const found = Object.entries(template.findResources(type, { Properties: properties })) as Array<[string, { Properties: Record<string, any> }]>;
  expect(found).toHaveLength(1);
  return found[0]!;
}

const functionIdOf = (task: string) => resourceWith('AWS::Lambda::Function', { Description: `statecraft task ${task}` })[0];
const roleIdOf = (task: string) => resourceWith('AWS::Lambda::Function', { Description: `statecraft task ${task}` })[1].Properties.Role['Fn::GetAtt'][0];
const stateMachineRoleId = (name: string) => resourceWith('AWS::StepFunctions::StateMachine', { StateMachineName: name })[1].Properties.RoleArn['Fn::GetAtt'][0];
/** Every resource the statements grant `action` on (CDK merges statements that differ only in resources). */
function resourcesFor(statements: Array<Record<string, unknown>>, action: string): unknown[] {
  return statements.filter((statement) => [statement.Action].flat().includes(action)).flatMap((statement) => [statement.Resource].flat());
}
const objectArn = (bucketArn: unknown, prefix: string) => ({ 'Fn::Join': ['', [bucketArn, `/${prefix}*`]] });
/** The catalog, the lake's database and exactly the named tables, as the template writes their ARNs. */
const glueArns = (...tables: string[]) => resolve(stack.lake.catalogArnsFor(tables));
const allStatements = () =>
  Object.values(template.findResources('AWS::IAM::Policy')).flatMap((policy) => policy.Properties.PolicyDocument.Statement as Array<Record<string, unknown>>);

describe('cdk-nag AwsSolutions', () => {
  test('no unacknowledged finding', () => {
    expect(findings(synthesized.nag)).toEqual([]);
  });

  test('every acknowledgement has a written reason and silences a finding', () => {
    expect(idleAcknowledgements(registry, synthesized)).toEqual([]);
  });
});

describe('state machines', () => {
  test('one per workflow, named after it, logged in full and traced', () => {
    template.resourceCountIs('AWS::StepFunctions::StateMachine', fixtureWorkflows.length);
    for (const { name } of fixtureWorkflows) {
      template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
        StateMachineName: name,
        TracingConfiguration: { Enabled: true },
        LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: true }),
      });
    }
  });

  test.each(fixtureWorkflows.map((entry) => [entry.name, entry.workflow] as const))('%s: the definition is the local ASL once the ARNs are substituted', (name, workflow) => {
    const [, machine] = resourceWith('AWS::StepFunctions::StateMachine', { StateMachineName: name });
    const local: Record<string, string> = {};
    for (const task of workflow.tasks()) local[placeholderKey('function', task.name)] = task.name;
    for (const nested of workflow.nestedStateMachines()) local[placeholderKey('stateMachine', nested)] = `arn:aws:states:us-east-1:123456789012:stateMachine:${nested}`;
    expect(JSON.parse(substitute(machine.Properties.DefinitionString, local))).toEqual(workflow.definition());
  });

  test('the substitutions point at the deployed function of each task and the named state machine', () => {
    const [, machine] = resourceWith('AWS::StepFunctions::StateMachine', { StateMachineName: parent.name });
    expect(machine.Properties.DefinitionSubstitutions).toEqual({
      [placeholderKey('function', 'fixture-prepare')]: { 'Fn::GetAtt': [functionIdOf('fixture-prepare'), 'Arn'] },
      [placeholderKey('function', 'fixture-score')]: { 'Fn::GetAtt': [functionIdOf('fixture-score'), 'Arn'] },
      [placeholderKey('stateMachine', child.name)]: resolve(stateMachineArn(stack, child.name)),
    });
  });
});

describe('task functions', () => {
  test('one per task, bundled, on the latest Node.js runtime on x86_64 (the platform bundled addons are checked for), traced', () => {
    const tasks = new Set(fixtureWorkflows.flatMap((entry) => entry.workflow.tasks().map((task) => task.name)));
    expect(Object.keys(template.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('^statecraft task ') } }))).toHaveLength(tasks.size);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'statecraft task fixture-score',
      Handler: 'index.handler',
      Runtime: 'nodejs24.x',
      Architectures: ['x86_64'],
      MemorySize: 1024,
      EphemeralStorage: { Size: 2048 },
      TracingConfig: { Mode: 'Active' },
      Environment: { Variables: Match.objectLike({ STATECRAFT_TASK: 'fixture-score', STATECRAFT_MODEL_REGISTRY_BUCKET: Match.anyValue() }) },
    });
    template.hasResourceProperties('AWS::Lambda::Function', { Description: 'statecraft task fixture-prepare', Timeout: 60, MemorySize: 512, EphemeralStorage: Match.absent() });
  });
});

describe('rules', () => {
  test('an event rule has the local pattern, with the deployed bucket name, and the local input transformer', () => {
    const [, rule] = resourceWith('AWS::Events::Rule', { Name: onUpload.name });
    const bucketName = resolve(stack.storage.bucket(FIXTURE_BUCKET).bucketName);
    const pattern = onUpload.eventPattern as { detail: { object: unknown } };
    expect(rule.Properties.EventPattern).toEqual({ ...onUpload.eventPattern, detail: { bucket: { name: [bucketName] }, object: pattern.detail.object } });
    expect(rule.Properties.Targets).toEqual([
      expect.objectContaining({
        Arn: { Ref: resourceWith('AWS::StepFunctions::StateMachine', { StateMachineName: parent.name })[0] },
        InputTransformer: { InputPathsMap: onUpload.target.inputTransformer!.InputPathsMap, InputTemplate: onUpload.target.inputTransformer!.InputTemplate },
      }),
    ]);
  });

  test('a schedule rule has the local schedule expression', () => {
    const [, rule] = resourceWith('AWS::Events::Rule', { Name: nightly.name });
    expect(rule.Properties.ScheduleExpression).toBe(nightly.scheduleExpression);
    expect(rule.Properties.EventPattern).toBeUndefined();
  });

  test("a rule's role may start only its target state machine", () => {
    const [, rule] = resourceWith('AWS::Events::Rule', { Name: nightly.name });
    const roleId = rule.Properties.Targets[0].RoleArn['Fn::GetAtt'][0];
    const childId = resourceWith('AWS::StepFunctions::StateMachine', { StateMachineName: child.name })[0];
    expect(statementsOfRole(template, roleId)).toEqual([{ Action: 'states:StartExecution', Effect: 'Allow', Resource: { Ref: childId } }]);
  });
});

describe('schedules', () => {
  test('a Scheduler schedule has the local definition and starts its state machine with its input', () => {
    const [, schedule] = resourceWith('AWS::Scheduler::Schedule', { Name: weeklyRescore.name });
    const childId = resourceWith('AWS::StepFunctions::StateMachine', { StateMachineName: child.name })[0];
    expect(schedule.Properties).toEqual({
      Name: 'fixture-weekly-rescore',
      GroupName: 'fixture',
      Description: weeklyRescore.description,
      ScheduleExpression: 'cron(0 4 ? * MON *)',
      ScheduleExpressionTimezone: 'Europe/Oslo',
      FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 30 },
      State: 'ENABLED',
      Target: {
        Arn: { Ref: childId },
        RoleArn: expect.objectContaining({ 'Fn::GetAtt': [expect.any(String), 'Arn'] }),
        Input: '{"part":7}',
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:123456789012:fixture-schedule-dlq' },
      },
    });
  });

  test('its group is deployed once, before the schedule', () => {
    const [groupId] = resourceWith('AWS::Scheduler::ScheduleGroup', { Name: 'fixture' });
    const scheduleId = resourceWith('AWS::Scheduler::Schedule', { Name: weeklyRescore.name })[0];
    expect(template.toJSON().Resources[scheduleId].DependsOn).toContain(groupId);
  });

  test("its role is assumed by Scheduler for this account only and may start only its workflow's state machine and send only to its dead-letter queue", () => {
    const [, schedule] = resourceWith('AWS::Scheduler::Schedule', { Name: weeklyRescore.name });
    const roleId = schedule.Properties.Target.RoleArn['Fn::GetAtt'][0];
    const childId = resourceWith('AWS::StepFunctions::StateMachine', { StateMachineName: child.name })[0];
    expect(statementsOfRole(template, roleId)).toEqual([
      { Action: 'states:StartExecution', Effect: 'Allow', Resource: { Ref: childId } },
      { Action: 'sqs:SendMessage', Effect: 'Allow', Resource: 'arn:aws:sqs:us-east-1:123456789012:fixture-schedule-dlq' },
    ]);
    expect(template.toJSON().Resources[roleId].Properties.AssumeRolePolicyDocument.Statement).toEqual([
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'scheduler.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } },
    ]);
  });

  test('start and end dates are written as ISO 8601, a disabled schedule as DISABLED', () => {
    const bounded = defineSchedule({ ...weeklyRescore, name: 'bounded', group: undefined, start: '2027-01-01T00:00:00Z', end: '2027-06-30T00:00:00Z', enabled: false });
    const pkg = defineWorkflowPackage({ ...examplePackage, schedules: [bounded] });
    const other = synthesize(defineRegistry({ packages: [pkg], modelRegistry: { bucket: FIXTURE_BUCKET, prefix: 'model-registry/' } }));
    const found = Object.values(other.template.findResources('AWS::Scheduler::Schedule'));
    expect(found.map((resource) => [resource.Properties.GroupName, resource.Properties.StartDate, resource.Properties.EndDate, resource.Properties.State])).toEqual([
      ['default', '2027-01-01T00:00:00.000Z', '2027-06-30T00:00:00.000Z', 'DISABLED'],
    ]);
    other.template.resourceCountIs('AWS::Scheduler::ScheduleGroup', 0);
    expect(findings(other.nag)).toEqual([]);
  });

  test('a schedule that deletes itself after completion is refused: CloudFormation cannot express it', () => {
    const once = defineSchedule({ name: 'once', expression: 'at(2027-01-01T00:00:00)', target: { workflow: child.name, input: { part: 1 } }, actionAfterCompletion: 'DELETE' });
    const pkg = defineWorkflowPackage({ ...examplePackage, schedules: [once] });
    expect(() => synthesize(defineRegistry({ packages: [pkg], modelRegistry: { bucket: FIXTURE_BUCKET, prefix: 'model-registry/' } }))).toThrow(
      'schedule once: actionAfterCompletion DELETE is not deployable with CloudFormation',
    );
  });
});

describe('least privilege, derived from the definitions', () => {
  test('no statement anywhere has a wildcard action', () => {
    const actions = allStatements().flatMap((statement) => [statement.Action].flat() as string[]);
    expect(actions.filter((action) => action.includes('*'))).toEqual([]);
  });

  test('the parent invokes exactly its tasks, starts exactly its child and puts only its event', () => {
    const statements = statementsOfRole(template, stateMachineRoleId(parent.name));
    const byAction = (action: string) => statements.filter((statement) => [statement.Action].flat().includes(action));
    expect(byAction('lambda:InvokeFunction').map((statement) => statement.Resource)).toEqual([
      [{ 'Fn::GetAtt': [functionIdOf('fixture-prepare'), 'Arn'] }, { 'Fn::GetAtt': [functionIdOf('fixture-score'), 'Arn'] }],
    ]);
    expect(byAction('states:StartExecution').map((statement) => statement.Resource)).toEqual([resolve(stateMachineArn(stack, child.name))]);
    expect(byAction('events:PutEvents')).toEqual([
      expect.objectContaining({
        Resource: resolve(stack.formatArn({ service: 'events', resource: 'event-bus', resourceName: 'default' })),
        Condition: { StringEquals: { 'events:source': ['statecraft.fixture-parent'] } },
      }),
    ]);
    expect(byAction('events:PutRule').map((statement) => statement.Resource)).toEqual([
      resolve(stack.formatArn({ service: 'events', resource: 'rule', resourceName: 'StepFunctionsGetEventsForStepFunctionsExecutionRule' })),
    ]);
  });

  test('the child invokes only its own two tasks and starts nothing', () => {
    const statements = statementsOfRole(template, stateMachineRoleId(child.name));
    const actions = statements.flatMap((statement) => [statement.Action].flat());
    expect(statements.filter((statement) => [statement.Action].flat().includes('lambda:InvokeFunction')).flatMap((statement) => [statement.Resource].flat())).toEqual([
      { 'Fn::GetAtt': [functionIdOf('fixture-fit'), 'Arn'] },
      { 'Fn::GetAtt': [functionIdOf('fixture-score'), 'Arn'] },
    ]);
    expect(actions).not.toContain('states:StartExecution');
    expect(actions).not.toContain('events:PutEvents');
  });

  test('a function reads only the prefix its task declares, and queries the lake when it says so', () => {
    const statements = statementsOfRole(template, roleIdOf('fixture-prepare'));
    const actions = statements.flatMap((statement) => [statement.Action].flat());
    const bucketArn = resolve(stack.storage.bucket(FIXTURE_BUCKET).bucketArn);
    // Its declared prefix, and what querying its lake table needs: that table's objects and Athena's results.
    expect(resourcesFor(statements, 's3:GetObject')).toEqual([objectArn(bucketArn, 'athena-results/'), objectArn(bucketArn, 'incoming/'), objectArn(bucketArn, 'lake/fixture_scores/')]);
    expect(resourcesFor(statements, 'glue:GetPartitions')).toEqual(glueArns('fixture_scores'));
    expect(resourcesFor(statements, 's3:PutObject')).toEqual([objectArn(bucketArn, 'athena-results/')]);
    expect(statements).toContainEqual({ Action: 's3:ListBucket', Effect: 'Allow', Resource: bucketArn, Condition: { StringLike: { 's3:prefix': ['incoming/*'] } } });
    expect(resourcesFor(statements, 'athena:StartQueryExecution')).toEqual([resolve(stack.lake.workGroupArn)]);
    expect(actions).not.toContain('s3:DeleteObject');
    expect(actions).not.toContain('glue:CreatePartition');
    expect(actions).not.toContain('events:PutEvents');
  });

  test('a function writes only its declared prefix, updates the catalog and puts only its own sources', () => {
    const statements = statementsOfRole(template, roleIdOf('fixture-score'));
    const actions = statements.flatMap((statement) => [statement.Action].flat());
    const bucketArn = resolve(stack.storage.bucket(FIXTURE_BUCKET).bucketArn);
    expect(resourcesFor(statements, 's3:PutObject')).toEqual([objectArn(bucketArn, 'scores/')]);
    expect(actions).not.toContain('s3:GetObject');
    expect(resourcesFor(statements, 'glue:BatchCreatePartition')).toEqual(glueArns('fixture_scores'));
    expect(actions).not.toContain('glue:CreateTable');
    expect(actions).not.toContain('athena:StartQueryExecution');
    expect(statements).toContainEqual(expect.objectContaining({ Action: 'events:PutEvents', Condition: { StringEquals: { 'events:source': ['statecraft.fixture-parent'] } } }));
  });
});

describe('shared resources', () => {
  test('data buckets: KMS, versioned, private, access-logged, TLS-only, EventBridge on', () => {
    const bucketId = (resolve(stack.storage.bucket(FIXTURE_BUCKET).bucketName) as { Ref: string }).Ref;
    expect(template.toJSON().Resources[bucketId].Properties).toMatchObject({
      BucketName: { 'Fn::Join': ['', ['fixture-data-', { Ref: 'AWS::AccountId' }, '-', { Ref: 'AWS::Region' }]] },
      BucketEncryption: { ServerSideEncryptionConfiguration: [expect.objectContaining({ ServerSideEncryptionByDefault: expect.objectContaining({ SSEAlgorithm: 'aws:kms' }) })] },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LoggingConfiguration: { DestinationBucketName: { Ref: expect.stringMatching(/^StorageAccessLogs/) }, LogFilePrefix: `${FIXTURE_BUCKET}/` },
    });
    template.hasResourceProperties('Custom::S3BucketNotifications', { BucketName: { Ref: bucketId }, NotificationConfiguration: { EventBridgeConfiguration: {} } });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  test('the lake: a Glue database, the packages\' tables, and an Athena workgroup writing encrypted results', () => {
    template.hasResourceProperties('AWS::Glue::Database', { DatabaseInput: Match.objectLike({ Name: 'statecraft' }) });
    template.hasResourceProperties('AWS::Glue::Table', {
      DatabaseName: 'statecraft',
      TableInput: Match.objectLike({
        Name: 'fixture_scores',
        TableType: 'EXTERNAL_TABLE',
        PartitionKeys: [{ Name: 'day', Type: 'string' }],
        StorageDescriptor: Match.objectLike({ Columns: [{ Name: 'part', Type: 'int' }, { Name: 'score', Type: 'double' }], SerdeInfo: Match.objectLike({ SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' }) }),
      }),
    });
    template.hasResourceProperties('AWS::Athena::WorkGroup', {
      WorkGroupConfiguration: Match.objectLike({
        EnforceWorkGroupConfiguration: true,
        ResultConfiguration: Match.objectLike({ EncryptionConfiguration: Match.objectLike({ EncryptionOption: 'SSE_KMS' }) }),
      }),
    });
  });

  test('alerts: an encrypted topic fed by alert-on-failure and one alarm per state machine', () => {
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    const [, rule] = resourceWith('AWS::Events::Rule', { Name: 'alert-on-failure' });
    expect(rule.Properties.EventPattern).toEqual({
      source: ['aws.states'],
      'detail-type': ['Step Functions Execution Status Change'],
      detail: { status: ['FAILED', 'TIMED_OUT', 'ABORTED'], stateMachineArn: fixtureWorkflows.map((entry) => ({ Ref: resourceWith('AWS::StepFunctions::StateMachine', { StateMachineName: entry.name })[0] })) },
    });
    template.resourceCountIs('AWS::CloudWatch::Alarm', fixtureWorkflows.length);
  });
});
