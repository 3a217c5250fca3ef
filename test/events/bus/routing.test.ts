/** Routing through the rule index with many rules: each event reaches exactly the rules that match it. */
import { ENTRY, lambdaArn, newBus, until } from './helpers';

test('2,000 rules on one bus: every event is delivered to exactly its matching rules, in rule order', async () => {
  const { bus, calls } = newBus();
  bus.start();
  for (let i = 0; i < 2000; i++) {
    const pattern = i % 2 === 0 ? { source: [`app.${i % 100}`], detail: { n: [i] } } : { source: [`app.${i % 100}`], 'detail-type': [{ prefix: `T${i}` }] };
    bus.putRule({ Name: `r${i}`, EventPattern: JSON.stringify(pattern) });
    bus.putTargets({ Rule: `r${i}`, Targets: [{ Id: 't', Arn: lambdaArn('sink'), Input: JSON.stringify({ rule: i }) }] });
  }
  bus.putRule({ Name: 'catch-all', EventPattern: JSON.stringify({ detail: { n: [{ exists: true }] } }) });
  bus.putTargets({ Rule: 'catch-all', Targets: [{ Id: 't', Arn: lambdaArn('sink'), Input: '{"rule":"all"}' }] });

  bus.putEvents({
    Entries: [
      { ...ENTRY, Source: 'app.42', Detail: '{"n": 142}' }, // r142 (even), and catch-all
      { ...ENTRY, Source: 'app.43', DetailType: 'T1043-x', Detail: '{}' }, // r1043 only (prefix T1043)
      { ...ENTRY, Source: 'app.42', Detail: '{"n": 143}' }, // catch-all only
    ],
  });
  await until(() => (calls.length >= 4 ? true : undefined));
  await bus.idle();
  expect(calls.map((c) => (c.payload as { rule: unknown }).rule)).toEqual([142, 'all', 1043, 'all']);
  bus.disableRule({ Name: 'r142' });
  bus.putEvents({ Entries: [{ ...ENTRY, Source: 'app.42', Detail: '{"n": 142}' }] });
  await until(() => (calls.length >= 5 ? true : undefined));
  await bus.idle();
  expect(calls.slice(4).map((c) => (c.payload as { rule: unknown }).rule)).toEqual(['all']);
  bus.close();
});
