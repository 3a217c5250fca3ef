/**
 * Rules and events of realistic shapes, generated deterministically: S3 "Object Created" rules with a key
 * prefix, custom application events by source + detail-type, Step Functions status changes, and a few rules
 * using other operators, some of which ($or with `exists`) an index can only file by field presence.
 */
export interface RuleSpec {
  id: string;
  pattern: string;
}

export function realisticRules(count: number): RuleSpec[] {
  const rules: RuleSpec[] = [];
  for (let i = 0; i < count; i++) rules.push({ id: `rule-${i}`, pattern: JSON.stringify(ruleShape(i)) });
  return rules;
}

/** 35 % S3, 35 % custom application events, 25 % Step Functions, 5 % other operators. */
function ruleShape(i: number): object {
  const family = i % 20;
  if (family < 7) return s3Rule(i);
  if (family < 14) return { source: [`com.example.app${i % 50}`], 'detail-type': [`Order${i % 7}Placed`, `Order${i % 7}Updated`] };
  if (family < 19) return stepFunctionsRule(i);
  return i % 40 === 19
    ? { source: [`com.example.app${i % 50}`], 'detail-type': [{ prefix: `Order${i % 7}` }], detail: { amount: [{ numeric: ['>', i % 100] }] } }
    : { $or: [{ source: [`com.example.app${i % 50}`] }, { detail: { priority: [{ exists: true }] } }], region: [{ 'anything-but': 'us-west-2' }] };
}

function s3Rule(i: number): object {
  return {
    source: ['aws.s3'], 'detail-type': ['Object Created'],
    detail: { bucket: { name: [`bucket-${i % 37}`] }, object: { key: [{ prefix: `incoming/${i % 11}/` }] } },
  };
}

function stepFunctionsRule(i: number): object {
  return {
    source: ['aws.states'], 'detail-type': ['Step Functions Execution Status Change'],
    detail: {
      status: ['FAILED', 'TIMED_OUT', 'ABORTED'],
      stateMachineArn: [`arn:aws:states:us-east-1:123456789012:stateMachine:pipeline-${i % 40}`],
    },
  };
}

/** Events from the same families, some matching many rules, most matching few. */
export function realisticEvents(count: number): object[] {
  const events: object[] = [];
  for (let i = 0; i < count; i++) events.push(eventShape(i));
  return events;
}

function envelope(i: number, source: string, detailType: string, detail: object): object {
  return {
    version: '0', id: `id-${i}`, 'detail-type': detailType, source, account: '123456789012',
    time: '2024-05-01T12:00:00Z', region: i % 9 === 0 ? 'us-west-2' : 'us-east-1', resources: [], detail,
  };
}

function eventShape(i: number): object {
  switch (i % 3) {
    case 0:
      return envelope(i, 'aws.s3', 'Object Created', {
        bucket: { name: `bucket-${i % 37}` }, object: { key: `incoming/${i % 11}/file-${i}.csv`, size: i * 10 },
      });
    case 1:
      return envelope(i, `com.example.app${i % 50}`, `Order${i % 7}Placed`, { amount: i % 150, ...(i % 4 === 0 ? { priority: 'high' } : {}) });
    default:
      return envelope(i, 'aws.states', 'Step Functions Execution Status Change', {
        status: i % 2 === 0 ? 'FAILED' : 'SUCCEEDED',
        stateMachineArn: `arn:aws:states:us-east-1:123456789012:stateMachine:pipeline-${i % 40}`,
      });
  }
}
