import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderTargetInput, TargetInputError, validateTargetInput, type TargetInput } from '../../../src/events/transform';
import knownFailures from './known-failures.json';
import { normalizeJsonPayload, normalizeText, type NormalizationOp } from './normalize';

interface TransformerCase {
  id: string;
  event: string | null;
  inputPath?: string;
  inputTransformer?: { InputPathsMap?: Record<string, string>; InputTemplate: string };
  expect:
    | { delivered: true; payload: unknown; payloadFormat: 'json' | 'text' }
    | { delivered: false }
    | { error: { code: string; message: string } };
  context?: { eventBusName: string; ruleName: string; ruleArn: string; ingestionTime: string };
  normalization?: NormalizationOp[];
}

const TARGET_ID = 'target-1';
const corpusFile = resolve(__dirname, '../../../../shared/conformance/input-transformers.jsonl');
const cases: TransformerCase[] = readFileSync(corpusFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as TransformerCase);
/** Case id -> why we do not match AWS yet. */
const knownFailureReasons: Record<string, string> = knownFailures;

function targetOf(testCase: TransformerCase): TargetInput {
  return { Id: TARGET_ID, InputPath: testCase.inputPath, InputTransformer: testCase.inputTransformer };
}

/** Returns a description of the first mismatch with AWS, or undefined when we match. */
function mismatch(testCase: TransformerCase): string | undefined {
  const target = targetOf(testCase);
  const expected = testCase.expect;
  if ('error' in expected) return errorMismatch(target, expected.error);
  validateTargetInput(target);
  const context = testCase.context!;
  const rendered = renderTargetInput(target, JSON.parse(testCase.event!), {
    ruleArn: context.ruleArn,
    ruleName: context.ruleName,
    eventBusName: context.eventBusName,
    ingestionTimeIso: context.ingestionTime,
  });
  if (!expected.delivered) return rendered.delivered ? `delivered ${rendered.body}` : undefined;
  if (!rendered.delivered) return `not delivered: ${rendered.reason}`;
  const ops = testCase.normalization ?? [];
  const actual =
    expected.payloadFormat === 'json' ? normalizeJsonPayload(JSON.parse(rendered.body), ops) : normalizeText(rendered.body, ops);
  return equal(actual, expected.payload) ? undefined : `got ${JSON.stringify(actual)}`;
}

function errorMismatch(target: TargetInput, error: { code: string; message: string }): string | undefined {
  try {
    validateTargetInput(target);
    return 'accepted';
  } catch (thrown) {
    if (!(thrown instanceof TargetInputError)) throw thrown;
    const expectedMessage = error.message.replace('<target-id>', TARGET_ID);
    const same = thrown.code === error.code && thrown.message === expectedMessage;
    return same ? undefined : `threw ${thrown.code}: ${thrown.message}`;
  }
}

function equal(actual: unknown, expected: unknown): boolean {
  try {
    expect(actual).toEqual(expected);
    return true;
  } catch {
    return false;
  }
}

describe('input-transformers corpus (recorded on AWS)', () => {
  it('lists only known failures that exist in the corpus', () => {
    const ids = new Set(cases.map((c) => c.id));
    expect(Object.keys(knownFailureReasons).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('reports pass counts', () => {
    const agreeing = cases.filter((testCase) => mismatch(testCase) === undefined);
    const byKind = (kind: (c: TransformerCase) => boolean) => `${agreeing.filter(kind).length}/${cases.filter(kind).length}`;
    console.log([
      `input transformers agree with AWS: ${agreeing.length}/${cases.length}`,
      `  delivered payloads: ${byKind((c) => 'delivered' in c.expect && c.expect.delivered)}`,
      `  not delivered: ${byKind((c) => 'delivered' in c.expect && !c.expect.delivered)}`,
      `  refused at PutTargets (code + message): ${byKind((c) => 'error' in c.expect)}`,
    ].join('\n'));
    expect(cases.length - agreeing.length).toBe(Object.keys(knownFailureReasons).length);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (id, testCase) => {
    const problem = mismatch(testCase);
    if (id in knownFailureReasons) {
      expect({ id, nowPasses: problem === undefined }).toEqual({ id, nowPasses: false });
    } else {
      expect({ id, problem }).toEqual({ id, problem: undefined });
    }
  });
});
