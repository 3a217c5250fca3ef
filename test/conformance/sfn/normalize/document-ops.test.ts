import { convertFirstOutputToJson, removeKey, simplifyResponseMetadata } from './document-ops';

describe('simplifyResponseMetadata', () => {
  it('keeps the status code and only the content_type header, in nested dicts too', () => {
    const doc = {
      ResponseMetadata: { HTTPHeaders: { 'x-amzn-requestid': 'r', content_type: 'json' }, HTTPStatusCode: 200, RequestId: 'r', RetryAttempts: 0 },
      inner: { ResponseMetadata: { HTTPHeaders: {}, HTTPStatusCode: 0 } },
    };
    simplifyResponseMetadata(doc);
    expect(doc).toEqual({ ResponseMetadata: { HTTPHeaders: { content_type: 'json' }, HTTPStatusCode: 200 }, inner: { ResponseMetadata: { HTTPHeaders: {} } } });
  });
});

describe('removeKey', () => {
  it('drops the key everywhere', () => {
    const doc = { 'x-localstack': 1, a: [{ 'x-localstack': 2, b: 3 }], c: { 'x-localstack': 4 } };
    removeKey(doc, 'x-localstack');
    expect(doc).toEqual({ a: [{ b: 3 }], c: {} });
  });
});

describe('convertFirstOutputToJson', () => {
  it('parses the first JSON `output` string of each dict and stops scanning that dict', () => {
    const doc = {
      events: [
        { first: { output: '[1, 2]' }, second: { output: '"s"' } },
        { details: { output: 'not json', deeper: { output: '3' } } },
      ],
    };
    convertFirstOutputToJson(doc);
    expect(doc.events[0]).toEqual({ first: { output: [1, 2] }, second: { output: '"s"' } });
    expect(doc.events[1]).toEqual({ details: { output: 'not json', deeper: { output: 3 } } });
  });
});
