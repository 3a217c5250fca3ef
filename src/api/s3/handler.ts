import type { IncomingMessage, ServerResponse } from 'node:http';
import { newRequestId, type ObjectStore } from '../../objects';
import { parseAddress, type S3Call } from './request';
import { sendError } from './responses';
import { route } from './router';

export interface S3HandlerOptions {
  region: string;
  account: string;
}

export type S3Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** IPv4 clients appear as `::ffff:a.b.c.d` on dual-stack sockets; S3 reports the plain address. */
function sourceIp(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
}

/**
 * The S3 REST API (path-style: `/bucket/key`) over a local object store. Signatures are not
 * verified. Never rejects: every failure becomes S3's XML error response.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/Welcome.html
 */
export function createS3Handler(store: ObjectStore, options: S3HandlerOptions): S3Handler {
  return async (req, res) => {
    const requestId = newRequestId();
    const method = (req.method ?? 'GET').toUpperCase();
    res.setHeader('x-amz-request-id', requestId);
    res.setHeader('x-amz-id-2', Buffer.from(requestId).toString('base64'));
    try {
      const call: S3Call = {
        req,
        store,
        method,
        ...parseAddress(req.url ?? '/'),
        requestId,
        context: { requestId, sourceIp: sourceIp(req), requester: options.account },
        account: options.account,
        region: options.region,
      };
      await route(call)(call, res);
    } catch (error) {
      sendError(res, error, requestId, method === 'HEAD');
    } finally {
      // A request whose body was never read (an early error) must not leave the socket stuck.
      if (!req.complete) req.resume();
    }
  };
}
