/** Runs one recorded case through the interpreter, in memory, on a virtual clock. */
import type { Json, JsonObject } from '../../../src/asl/json';
import { VirtualClock } from '../../../src/clock/clock';
import { runExecution, type ExecutionResult } from '../../../src/interpreter/execution';
import { toAwsEvent } from '../../../src/interpreter/history/events';
import { MemoryHistorySink } from '../../../src/interpreter/history/sink';
import type { SfnCase } from './corpus';
import { corpusLambdas } from './lambdas';

export const ROLE_ARN = 'arn:aws:iam::000000000000:role/statecraft-conformance';

export interface CaseRun {
  result: ExecutionResult;
  history: Record<string, unknown>[];
  stateMachineArn: string;
  executionArn: string;
  /** The input value the case's template regenerated, and the one the recording was made with. */
  regenerated?: { stored: string; now: string };
}

export async function runCase(c: SfnCase): Promise<CaseRun> {
  const clock = new VirtualClock(Date.now());
  const sink = new MemoryHistorySink();
  // No '-' in the name: some recorded cases split $$.StateMachine.Name on it.
  const stateMachineName = `sm_${Math.abs(hash(c.id))}`;
  const stateMachineArn = `arn:aws:states:us-east-1:000000000000:stateMachine:${stateMachineName}`;
  const executionArn = `arn:aws:states:us-east-1:000000000000:execution:${stateMachineName}:exec_1`;
  const input = caseInput(c, clock.now());
  const regenerated = templateValues(c, input);
  const result = await runExecution({
    info: {
      executionArn,
      name: 'exec_1',
      stateMachineArn,
      stateMachineName,
      roleArn: ROLE_ARN,
      input,
      inputText: c.inputTemplate ? JSON.stringify(input) : inputText(c),
      startTime: clock.now(),
      redriveCount: 0,
      region: 'us-east-1',
      account: '000000000000',
      type: 'STANDARD',
    },
    definition: c.definition,
    clock,
    sink,
    services: { lambda: corpusLambdas(c.lambdaSpecs ?? {}, clock) },
  });
  const history = (sink.events.get(executionArn) ?? []).map((e) => toAwsEvent(e));
  return { result, history, stateMachineArn, executionArn, regenerated };
}

/** A case recorded without an input was started with none, which Step Functions takes as `{}`. */
function inputText(c: SfnCase): string {
  return c.input ?? '{}';
}

function templateValues(c: SfnCase, input: Json): CaseRun['regenerated'] {
  if (!c.inputTemplate) return undefined;
  const key = c.inputTemplate.path.replace(/^\$\./, '');
  const stored = (JSON.parse(inputText(c)) as JsonObject)[key];
  return { stored: String(stored), now: String((input as JsonObject)[key]) };
}

function caseInput(c: SfnCase, nowMs: number): Json {
  const input = JSON.parse(inputText(c)) as Json;
  const template = c.inputTemplate;
  if (!template) return input;
  const at = nowMs + (template.generator === 'utcnow+days' ? (template.days ?? 0) * 86_400_000 : 0);
  const key = template.path.replace(/^\$\./, '');
  (input as JsonObject)[key] = strftime(template.format, new Date(at));
  return input;
}

function strftime(format: string, d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return format
    .replace('%Y', String(d.getUTCFullYear()))
    .replace('%m', pad(d.getUTCMonth() + 1))
    .replace('%d', pad(d.getUTCDate()))
    .replace('%H', pad(d.getUTCHours()))
    .replace('%M', pad(d.getUTCMinutes()))
    .replace('%S', pad(d.getUTCSeconds()));
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h;
}
