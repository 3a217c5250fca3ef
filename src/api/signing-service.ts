/**
 * The service a request was signed for, read from its SigV4 credential scope
 * (`Credential=<key>/<date>/<region>/<service>/aws4_request`), in the `Authorization` header or,
 * for a presigned URL, the `X-Amz-Credential` query parameter. REST APIs that share the endpoint
 * with S3 (EventBridge Scheduler: `/schedules/...`) are told apart by it, since their paths could
 * also be bucket names.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 */
import type { IncomingMessage } from 'node:http';

const SCOPE = /Credential=[^/,\s]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/;

export function signingService(req: IncomingMessage): string | undefined {
  const authorization = req.headers.authorization;
  if (typeof authorization === 'string') return SCOPE.exec(authorization)?.[1];
  const query = (req.url ?? '').split('?')[1];
  const credential = query && new URLSearchParams(query).get('X-Amz-Credential');
  return credential ? SCOPE.exec(`Credential=${credential}`)?.[1] : undefined;
}
