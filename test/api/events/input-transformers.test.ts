/**
 * The recorded Input/InputPath/InputTransformer corpus end to end: PutTargets with the case's
 * settings, PutEvents with the case's event, and the payload a Lambda target receives compared
 * with what AWS delivered (after the case's normalisation).
 */
import { CreateEventBusCommand, PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import knownFailures from '../../events/transform/known-failures.json';
import { normalizeJsonPayload, normalizeText, type NormalizationOp } from '../../events/transform/normalize';
import { eventually, startEventsHarness, type EventsHarness } from './harness';

interface TransformerCase {
  id: string;
  event: string | null;
  inputPath?: string | null;
  inputTransformer?: { InputPathsMap?: Record<string, string>; InputTemplate: string } | null;
  input?: string | null;
  expect: { delivered: true; payload: unknown; payloadFormat: 'json' | 'text' } | { delivered: false } | { error: { code: string; message: string } };
  context?: { account: string; region: string; eventBusName: string; ruleName: string };
  normalization?: NormalizationOp[];
}

const TARGET_ID = 'target-1';
const cases: TransformerCase[] = readFileSync(resolve(__dirname, '../../../../shared/conformance/input-transformers.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as TransformerCase);
const skipped: Record<string, string> = knownFailures;

let h: EventsHarness;
let received: unknown[];

beforeAll(async () => {
  received = [];
  const context = cases[0].context!;
  h = await startEventsHarness({ account: context.account, region: context.region, functions: { sink: (event) => void received.push(event) } });
  await h.eb.send(new CreateEventBusCommand({ Name: context.eventBusName }));
});
afterAll(() => h.close());

const runnable = cases.filter((c) => !(c.id in skipped)).map((c) => [c.id, c] as const);

test.each(runnable)('%s', async (_, testCase) => {
  // The PutTargets error case was recorded without an event or a rule context.
  const context = testCase.context ?? cases[0].context!;
  const event = JSON.parse(testCase.event ?? cases[0].event!) as { source: string; 'detail-type': string; detail: unknown; resources: string[]; time: string };
  await h.eb.send(new PutRuleCommand({ Name: context.ruleName, EventBusName: context.eventBusName, EventPattern: JSON.stringify({ source: [event.source] }) }));
  const put = h.eb.send(
    new PutTargetsCommand({
      Rule: context.ruleName,
      EventBusName: context.eventBusName,
      Targets: [
        {
          Id: TARGET_ID,
          Arn: `arn:aws:lambda:${context.region}:${context.account}:function:sink`,
          ...(testCase.inputPath ? { InputPath: testCase.inputPath } : {}),
          ...(testCase.inputTransformer ? { InputTransformer: testCase.inputTransformer } : {}),
          ...(testCase.input ? { Input: testCase.input } : {}),
        },
      ],
    }),
  );
  const expected = testCase.expect;
  if ('error' in expected) {
    const error = await put.then(() => undefined, (err: { name: string; message: string }) => err);
    expect(error?.name).toBe(expected.error.code);
    expect(error!.message).toBe(expected.error.message.replace('<target-id>', TARGET_ID));
    return;
  }
  await put;
  received.length = 0;
  const entry = { Source: event.source, DetailType: event['detail-type'], Detail: JSON.stringify(event.detail), Resources: event.resources, Time: new Date(event.time), EventBusName: context.eventBusName };
  expect((await h.eb.send(new PutEventsCommand({ Entries: [entry] }))).FailedEntryCount).toBe(0);
  await h.bus.idle();
  if (!expected.delivered) {
    expect(received).toEqual([]);
    return;
  }
  const [payload] = await eventually(() => (received.length > 0 ? received : undefined));
  const ops = testCase.normalization ?? [];
  const actual = expected.payloadFormat === 'json' ? normalizeJsonPayload(payload, ops) : normalizeText(JSON.stringify(payload), ops);
  expect(actual).toEqual(expected.payload);
});
