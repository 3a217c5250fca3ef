import { scheduledEvent } from '../../../src/events/schedules';

describe('scheduledEvent', () => {
  it('builds the envelope EventBridge sends for a scheduled rule, time at second precision', () => {
    const ruleArn = 'arn:aws:events:us-east-1:123456789012:rule/my-scheduled-rule';
    expect(
      scheduledEvent({
        account: '123456789012',
        region: 'us-east-1',
        ruleArn,
        timeMs: Date.parse('2022-07-13T13:48:01.734Z'),
        id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
      }),
    ).toEqual({
      version: '0',
      id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '123456789012',
      time: '2022-07-13T13:48:01Z',
      region: 'us-east-1',
      resources: [ruleArn],
      detail: {},
    });
  });
});
