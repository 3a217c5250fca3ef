import { rememberText, rememberedText } from '../../../src/interpreter/history/raw-text';
import { toAwsEvent } from '../../../src/interpreter/history/events';
import { dataDetails } from '../../../src/interpreter/history/recorder';
import { detailsOf, runDefinition } from '../run-definition';

describe('rememberText', () => {
  test('an object keeps the text it was parsed from; a copy and a primitive do not', () => {
    const text = '[1, 2,  3]';
    const value = JSON.parse(text) as number[];
    rememberText(value, text);
    rememberText(5, '5.0');
    expect([rememberedText(value), rememberedText([...value]), rememberedText(5)]).toEqual([text, undefined, undefined]);
  });

  test('an event shows the remembered text in place of the re-serialised value', () => {
    const value = JSON.parse('{"a": 1}') as object;
    rememberText(value, '{"a": 1}');
    const event = toAwsEvent({ id: 2, previousEventId: 0, timestamp: 0, type: 'PassStateEntered', details: { name: 'S', ...dataDetails('input', value) } });
    expect(detailsOf(event)).toEqual({ name: 'S', input: '{"a": 1}', inputDetails: { truncated: false } });
  });
});

describe('the execution input keeps its text while states pass it on unchanged', () => {
  const text = '[[1, 2, 3], [4, 5, 6]]';
  const input = JSON.parse(text) as number[][];

  const pass = { StartAt: 'S', States: { S: { Type: 'Pass', End: true } } };
  const parallel = { StartAt: 'S', States: { S: { Type: 'Parallel', Branches: [pass], End: true } } };
  test.each([
    ['a state that passes its input on', pass, 'Pass', [text, text, text]],
    ['a state that builds a new value', { StartAt: 'S', States: { S: { Type: 'Pass', Result: [1, 2], End: true } } }, 'Pass', [text, '[1,2]', '[1,2]']],
    ['a Parallel state joins its branches\u2019 texts', parallel, 'Parallel', [text, `[${text}]`, `[${text}]`]],
  ])('%s', async (_name, definition, type, expected) => {
    const { events } = await runDefinition(definition, input, { inputText: text });
    const first = (eventType: string) => detailsOf(events.find((e) => e.type === eventType));
    expect([first(`${type}StateEntered`).input, first(`${type}StateExited`).output, first('ExecutionSucceeded').output]).toEqual(expected);
  });
});
