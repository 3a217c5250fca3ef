/** The app as `npx cdk synth` builds it: every shipped workflow of the registry. */
import { placeholderKey, substitute } from '../../infra/iam/placeholders';
import { synthFiles } from '../../src/host/synth';
import { DATA_BUCKET } from '../../workflows/data-bucket';
import { registry } from '../../workflows/registry';
import { findings, idleAcknowledgements, synthesize } from './synth';

const { workflows } = registry;
const synthesized = synthesize(registry);
const { template, nag, stack, resolve } = synthesized;

const stateMachineNamed = (name: string) => Object.values(template.findResources('AWS::StepFunctions::StateMachine', { Properties: { StateMachineName: name } }));
const rulesNamed = (name: string) => Object.values(template.findResources('AWS::Events::Rule', { Properties: { Name: name } }));

test('cdk-nag AwsSolutions: no unacknowledged finding', () => {
  expect(findings(nag)).toEqual([]);
});

test('cdk-nag AwsSolutions: every acknowledgement has a written reason and silences a finding', () => {
  expect(idleAcknowledgements(registry, synthesized)).toEqual([]);
});

test('one state machine per workflow, one function per task', () => {
  template.resourceCountIs('AWS::StepFunctions::StateMachine', workflows.length);
  const tasks = new Set(workflows.flatMap((entry) => entry.workflow.tasks().map((task) => task.name)));
  for (const task of tasks) template.hasResourceProperties('AWS::Lambda::Function', { Description: `statecraft task ${task}` });
  expect(stack.functions.size).toBe(tasks.size);
});

describe.each(workflows.map((entry) => [entry.name, entry] as const))('%s', (name, entry) => {
  test('its definition equals the ASL the local synth writes, once the ARNs are substituted', () => {
    const [machine] = stateMachineNamed(name);
    const synthesizedAsl = synthFiles(workflows).find((file) => file.name === `${name}.asl.json`);
    const local: Record<string, string> = {};
    for (const task of entry.workflow.tasks()) local[placeholderKey('function', task.name)] = task.name;
    for (const nested of entry.workflow.nestedStateMachines()) local[placeholderKey('stateMachine', nested)] = `arn:aws:states:us-east-1:123456789012:stateMachine:${nested}`;
    expect(synthesizedAsl).toBeDefined();
    expect(JSON.parse(substitute(machine!.Properties.DefinitionString, local))).toEqual(synthesizedAsl!.content);
  });

  // A workflow only ever started through the API (brand-evaluation) has no rule to compare.
  if (entry.rules.length > 0) test.each(entry.rules.map((rule) => [rule.name, rule] as const))('rule %s: the local pattern or schedule, bucket names deployed', (_ruleName, rule) => {
    const [deployed] = rulesNamed(rule.name);
    const deployedBucket = (logical: unknown) => (logical === DATA_BUCKET ? resolve(stack.storage.bucket(DATA_BUCKET).bucketName) : logical);
    const pattern = rule.eventPattern as { detail?: { bucket?: { name?: unknown[] } } } | undefined;
    const expected = pattern?.detail?.bucket?.name
      ? { ...pattern, detail: { ...pattern.detail, bucket: { ...pattern.detail.bucket, name: pattern.detail.bucket.name.map(deployedBucket) } } }
      : rule.eventPattern;
    expect(deployed!.Properties.EventPattern).toEqual(expected);
    expect(deployed!.Properties.ScheduleExpression).toEqual(rule.scheduleExpression);
  });
});

test("a package's configuration is its task functions' environment (the energy feeds' URLs, one per market and feed)", () => {
  const fetchFeed = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Description: 'statecraft task energy-fetch-feed' } }));
  expect(fetchFeed).toHaveLength(1);
  expect(Object.keys(fetchFeed[0]!.Properties.Environment.Variables)).toEqual(expect.arrayContaining(['ENERGY_FEED_URL_NP_PRICES', 'ENERGY_FEED_URL_NP_EXOG1', 'ENERGY_FEED_URL_NP_EXOG2']));
});
