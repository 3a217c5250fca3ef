import { Type } from '@sinclair/typebox';
import { defineEvent, type EventDetail } from '../../src/builder';

describe('defineEvent', () => {
  const Scored = defineEvent({ source: 'statecraft.demo', detailType: 'Scored', detail: Type.Object({ score: Type.Number() }) });

  test('keeps source, detail-type and schema; the bus defaults to none given', () => {
    expect(Scored).toEqual({ kind: 'event', source: 'statecraft.demo', detailType: 'Scored', detail: Scored.detail });
    expect(Scored.eventBusName).toBeUndefined();
  });

  test('a custom bus is kept', () => {
    expect(defineEvent({ source: 's', detailType: 'd', detail: Type.Object({}), eventBusName: 'ml' }).eventBusName).toBe('ml');
  });

  test('the detail type follows the schema', () => {
    const detail: EventDetail<typeof Scored> = { score: 0.9 };
    // @ts-expect-error score is a number
    const wrong: EventDetail<typeof Scored> = { score: 'high' };
    expect([detail, wrong]).toHaveLength(2);
  });
});
