import { renderTargetInput, TargetInputError, validateTargetInput } from '../../../src/events/transform';

const event = {
  version: '0',
  id: '6f1d2b3a-5c4e-4f60-8a7b-9c0d1e2f3a4b',
  'detail-type': 'Order Placed',
  source: 'shop',
  account: '123456789012',
  time: '2022-07-13T13:48:01Z',
  region: 'us-east-1',
  resources: [],
  detail: { order: 'o-1', amount: 12.5, items: [{ sku: 'a' }, { sku: 'b' }], note: 'say "hi"' },
};
const context = {
  ruleArn: 'arn:aws:events:us-east-1:123456789012:rule/orders',
  ruleName: 'orders',
  eventBusName: 'default',
  ingestionTimeIso: '2022-07-13T13:48:02Z',
};

function transform(template: string, paths: Record<string, string> = {}) {
  return renderTargetInput({ Id: 't', InputTransformer: { InputPathsMap: paths, InputTemplate: template } }, event, context);
}

describe('renderTargetInput', () => {
  it('sends the whole event when the target has no input settings', () => {
    expect(renderTargetInput({ Id: 't' }, event, context)).toEqual({ delivered: true, body: JSON.stringify(event) });
  });

  it('sends a constant Input as it is', () => {
    expect(renderTargetInput({ Id: 't', Input: '{"fixed":true}' }, event, context)).toEqual({
      delivered: true,
      body: '{"fixed":true}',
    });
  });

  it('reads InputPath wildcards as the array of matches', () => {
    expect(renderTargetInput({ Id: 't', InputPath: '$.detail.items[*].sku' }, event, context)).toEqual({
      delivered: true,
      body: '["a","b"]',
    });
  });

  it('does not deliver an InputPath that selects nothing', () => {
    expect(renderTargetInput({ Id: 't', InputPath: '$.detail.missing' }, event, context).delivered).toBe(false);
  });

  it('fills the predefined rule and ingestion-time variables', () => {
    const rendered = transform('"<aws.events.rule-name> <aws.events.rule-arn> <aws.events.event.ingestion-time>"');
    expect(rendered).toEqual({
      delivered: true,
      body: `"orders ${context.ruleArn} 2022-07-13T13:48:02Z"`,
    });
  });

  it('renders numbers and arrays as JSON outside quotes, and a missed path as null', () => {
    const rendered = transform('{"amount": <amount>, "items": <items>, "gone": <gone>}', {
      amount: '$.detail.amount',
      items: '$.detail.items',
      gone: '$.detail.gone',
    });
    expect(rendered.delivered && JSON.parse(rendered.body)).toEqual({ amount: 12.5, items: [{ sku: 'a' }, { sku: 'b' }], gone: null });
  });

  it('pastes strings unescaped inside JSON strings, so a quote in the value drops the delivery', () => {
    expect(transform('{"text": "note: <note>"}', { note: '$.detail.note' }).delivered).toBe(false);
    expect(transform('{"text": <note>}', { note: '$.detail.note' })).toEqual({
      delivered: true,
      body: '{"text": "say \\"hi\\""}',
    });
  });

  it('keeps escaped quotes of the template itself inside JSON strings', () => {
    expect(transform('{"text": "order \\"<order>\\""}', { order: '$.detail.order' })).toEqual({
      delivered: true,
      body: '{"text": "order \\"o-1\\""}',
    });
  });

  it('leaves names that are not variables untouched in text templates', () => {
    expect(transform('<b>order</b> <order>', { order: '$.detail.order' })).toEqual({
      delivered: true,
      body: '<b>order</b> o-1',
    });
  });
});

describe('validateTargetInput', () => {
  it.each([
    [{ Id: 'a', Input: '{}', InputPath: '$.detail' }],
    [{ Id: 'a', Input: '{}', InputTransformer: { InputTemplate: '"x"' } }],
    [{ Id: 'a', InputPath: '$', InputTransformer: { InputTemplate: '"x"' } }],
  ])('rejects more than one input kind (%j)', (target) => {
    expect(() => validateTargetInput(target)).toThrow(
      new TargetInputError('ValidationException', 'Only one of Input, InputPath, or InputTransformer must be provided for target a.'),
    );
  });

  it('accepts a single input kind', () => {
    expect(() => validateTargetInput({ Id: 'a', InputPath: '$.detail' })).not.toThrow();
  });
});
