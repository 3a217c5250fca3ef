import { invokeEnvelope } from '../../../src/interpreter/integrations/lambda-envelope';

const call = (logType?: string) =>
  invokeEnvelope({ response: { payload: 'null', executedVersion: '$LATEST' }, payload: null, requestId: '0f2d7c8e-1111-4222-8333-944455556666', now: Date.UTC(2026, 0, 2, 3, 4, 5), logType });

describe('the lambda:invoke result envelope', () => {
  test('carries the headers Lambda sends, under the same request id as SdkResponseMetadata', () => {
    const result = call();
    expect(result).toMatchObject({
      ExecutedVersion: '$LATEST',
      Payload: null,
      StatusCode: 200,
      SdkResponseMetadata: { RequestId: '0f2d7c8e-1111-4222-8333-944455556666' },
      SdkHttpMetadata: {
        HttpStatusCode: 200,
        HttpHeaders: {
          Connection: 'keep-alive',
          'Content-Length': '4',
          'Content-Type': 'application/json',
          Date: 'Fri, 02 Jan 2026 03:04:05 GMT',
          'X-Amz-Executed-Version': '$LATEST',
          'x-amzn-Remapped-Content-Length': '0',
          'x-amzn-RequestId': '0f2d7c8e-1111-4222-8333-944455556666',
        },
        AllHttpHeaders: { 'Content-Length': ['4'], 'x-amzn-RequestId': ['0f2d7c8e-1111-4222-8333-944455556666'] },
      },
    });
    expect(result).not.toHaveProperty('LogResult');
  });

  test.each([
    ['Tail', true],
    ['None', false],
  ])('LogType %s: the log tail, base64, in LogResult and X-Amz-Log-Result', (logType, present) => {
    const result = call(logType) as { LogResult?: string; SdkHttpMetadata: { HttpHeaders: Record<string, string> } };
    expect(result.LogResult !== undefined).toBe(present);
    expect(result.SdkHttpMetadata.HttpHeaders['X-Amz-Log-Result']).toBe(result.LogResult);
    if (present) expect(Buffer.from(result.LogResult!, 'base64').toString()).toContain('END RequestId: 0f2d7c8e-1111-4222-8333-944455556666');
  });
});
