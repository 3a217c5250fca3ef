/**
 * The local AWS endpoint: one HTTP server for every API. JSON-protocol requests are routed by
 * their `X-Amz-Target` prefix (`AWSStepFunctions`, later `AWSEvents`, …); requests without one
 * go to the REST API their SigV4 signature names (`scheduler`), and otherwise to S3's REST API.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { S3Handler } from './s3';
import type { Engine } from '../control';
import { readBody, sendError } from './json-protocol';
import { SFN_TARGET_PREFIX, createSfnHandler, sendFailure } from './sfn-handler';
import { signingService } from './signing-service';

/** Handles one JSON-protocol operation: the name after the prefix, the raw body, the response. */
export type TargetHandler = (operation: string, body: Buffer, res: ServerResponse) => Promise<void>;

/** Handles a whole REST request (path, query, body) and never rejects for an expected failure. */
export type RestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * How long an idle keep-alive connection stays open. Node's default (5 s) is shorter than the idle
 * time SDK and CLI clients reuse sockets after, so a client that paused got `socket hang up`;
 * AWS's endpoints keep them about a minute (an ALB's default idle timeout is 60 s).
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export interface ServerOptions {
  /** @default '127.0.0.1' (only this machine can reach it) */
  host?: string;
  /** 0 picks a free port. @default 0 */
  port?: number;
  s3Handler?: S3Handler;
  /** More JSON-protocol APIs by target prefix, e.g. `{ AWSEvents: eventBridgeHandler }`. */
  targets?: Record<string, TargetHandler>;
  /** REST APIs by the service name of the request's SigV4 scope, e.g. `{ scheduler: schedulerHandler }`. */
  restServices?: Record<string, RestHandler>;
  /**
   * Sees every request first (the web console: its pages, and its refusal of cross-site requests);
   * resolves true when it answered the request.
   */
  front?: FrontHandler;
}

export type FrontHandler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface RunningServer {
  server: Server;
  port: number;
  /** `http://host:port`, what SDK clients take as `endpoint`. */
  url: string;
  close(): Promise<void>;
}

export async function createServer(engine: Engine, options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const targets: Record<string, TargetHandler> = { [SFN_TARGET_PREFIX]: createSfnHandler(engine), ...options.targets };
  const server = createHttpServer((req, res) => {
    const routes: Routes = { targets, rest: options.restServices ?? {}, s3: options.s3Handler };
    routeBehind(options.front, req, res, routes).catch((err: unknown) => {
      if (!res.headersSent) sendFailure(res, err);
      else res.destroy();
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Node requires headersTimeout above keepAliveTimeout, or a reused socket can be cut mid-request.
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Routes {
  targets: Record<string, TargetHandler>;
  rest: Record<string, RestHandler>;
  s3?: S3Handler;
}

async function routeBehind(front: FrontHandler | undefined, req: IncomingMessage, res: ServerResponse, routes: Routes): Promise<void> {
  if (front && (await front(req, res))) return;
  return route(req, res, routes);
}

async function route(req: IncomingMessage, res: ServerResponse, { targets, rest, s3 }: Routes): Promise<void> {
  const target = req.headers['x-amz-target'];
  if (typeof target !== 'string') {
    const service = signingService(req);
    if (service !== undefined && Object.hasOwn(rest, service)) return rest[service](req, res);
    if (s3) return s3(req, res);
    return sendError(res, 400, 'com.amazon.coral.service#UnknownOperationException', 'Requests need an X-Amz-Target header');
  }
  const dot = target.indexOf('.');
  const prefix = dot < 0 ? target : target.slice(0, dot);
  const handler = Object.hasOwn(targets, prefix) ? targets[prefix] : undefined;
  if (!handler) {
    req.resume();
    return sendError(res, 400, 'com.amazon.coral.service#UnknownOperationException', `Unknown operation: ${target}`);
  }
  const body = await readBody(req);
  return handler(target.slice(dot + 1), body, res);
}
