import { Type } from '@sinclair/typebox';
import { and, defineWorkflow, eq, gt, gte, isPresent, lt, lte, matches, ne, not, or, stateRef } from '../../src/builder';
import { aslProblems } from './asl-validity';

const Input = Type.Object({
  key: Type.String(),
  score: Type.Number(),
  baseline: Type.Number(),
  ready: Type.Boolean(),
  status: Type.Union([Type.Literal('RUNNING'), Type.Literal('STARTING')]),
  note: Type.Optional(Type.String()),
});

describe('Choice in JSONata', () => {
  const poll = stateRef<Static>('Poll');
  type Static = import('@sinclair/typebox').Static<typeof Input>;
  const workflow = defineWorkflow({ name: 'choices', input: Input }, (start) =>
    start
      .wait(poll, { seconds: 10 })
      .choice('Route', (c) =>
        c
          .when(
            (s) => and(gte(s.input.score, s.input.baseline), eq(s.input.status, 'RUNNING')),
            { output: (s) => ({ score: s.input.score }), assign: (s) => ({ winner: s.input.key }) },
            (b) => b.succeed('Good', { output: (s) => ({ score: s.input.score, winner: s.vars.winner }) }),
          )
          .when((s) => or(lt(s.input.score, 0), gt(s.input.score, 1), lte(s.input.baseline, 0)), (b) => b.fail('OutOfRange', { error: 'OutOfRange' }))
          .when((s) => not(ne(s.input.status, 'STARTING')), poll)
          .when((s) => isPresent(s.input.note), (b) => b.fail('Noted'))
          .when((s) => matches(s.input.key, '*.mp4'), (b) => b.succeed('Video'))
          .when((s) => s.input.ready, (b) => b.succeed('Ready')),
      )
      .fail('NoMatch', { error: 'NoMatch' }),
  );

  test('renders conditions, rule output/assign, a loop back and the default path', () => {
    expect(workflow.definition()).toEqual({
      QueryLanguage: 'JSONata',
      StartAt: 'Poll',
      States: {
        Poll: { Type: 'Wait', Seconds: 10, Next: 'Route' },
        Route: {
          Type: 'Choice',
          Choices: [
            {
              Condition: "{% ($states.input.score >= $states.input.baseline) and ($states.input.status = \"RUNNING\") %}",
              Next: 'Good',
              Output: { score: '{% $states.input.score %}' },
              Assign: { winner: '{% $states.input.key %}' },
            },
            { Condition: '{% ($states.input.score < 0) or ($states.input.score > 1) or ($states.input.baseline <= 0) %}', Next: 'OutOfRange' },
            { Condition: '{% $not($states.input.status != "STARTING") %}', Next: 'Poll' },
            { Condition: '{% $exists($states.input.note) %}', Next: 'Noted' },
            { Condition: '{% $contains($states.input.key, /^.*\\.mp4$/) %}', Next: 'Video' },
            { Condition: '{% $states.input.ready %}', Next: 'Ready' },
          ],
          Default: 'NoMatch',
        },
        Good: { Type: 'Succeed', Output: { score: '{% $states.input.score %}', winner: '{% $winner %}' } },
        OutOfRange: { Type: 'Fail', Error: 'OutOfRange' },
        Noted: { Type: 'Fail' },
        Video: { Type: 'Succeed' },
        Ready: { Type: 'Succeed' },
        NoMatch: { Type: 'Fail', Error: 'NoMatch' },
      },
    });
  });

  test('passes asl-validator', () => {
    expect(aslProblems(workflow.definition())).toBe('');
  });

  test('otherwise closes the Choice', () => {
    const closed = defineWorkflow({ name: 'closed', input: Input }, (start) =>
      start.choice('Ready?', (c) => c.when((s) => s.input.ready, (b) => b.succeed('Yes')).otherwise((b) => b.succeed('No'))),
    );
    expect(closed.definition().States['Ready?']).toEqual({
      Type: 'Choice',
      Choices: [{ Condition: '{% $states.input.ready %}', Next: 'Yes' }],
      Default: 'No',
    });
  });
});
