/**
 * The HTTP endpoints workflow packages contribute (local stand-ins for outside services), mounted
 * on the endpoint's port at `/_<name>/` with the engine's clock. The host names no package: it
 * mounts whatever the registry's packages declare.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EndpointHandler, WorkflowRegistry } from '../builder/workflow-package';
import type { Clock } from '../clock/clock';
import { refusal } from '../console/guard';

export interface MountedEndpoints {
  /** Answers a request under one of the endpoints' paths; resolves false for any other request. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /**
   * What the packages' tasks read to find their endpoints once the server listens at `serverUrl`;
   * in-process handlers read `process.env` as a Lambda function reads its configuration.
   */
  environment(serverUrl: string): Record<string, string>;
}

export function mountPackageEndpoints(registry: WorkflowRegistry, clock: Pick<Clock, 'now'>): MountedEndpoints {
  const endpoints = registry.packages.flatMap((pkg) => pkg.endpoints);
  const handlers = new Map<string, EndpointHandler>();
  for (const endpoint of endpoints) {
    if (handlers.has(endpoint.name)) throw new Error(`two package endpoints are named "${endpoint.name}"`);
    handlers.set(endpoint.name, endpoint.create({ now: () => new Date(clock.now()) }));
  }
  return {
    handle: async (req, res) => {
      const match = /^\/_([a-z][a-z0-9-]*)(?:\/|$)/.exec(req.url ?? '/');
      const handler = match ? handlers.get(match[1]) : undefined;
      if (!handler) return false;
      await handler(req, res);
      return true;
    },
    environment: (serverUrl) => Object.assign({}, ...endpoints.map((endpoint) => endpoint.environment?.(`${serverUrl}/_${endpoint.name}`) ?? {})),
  };
}

/**
 * The endpoints on a server of their own at 127.0.0.1 on a free port, for a host with no AWS endpoint
 * (`statecraft run`): what the packages' tasks need is put in `process.env` until `close`. Undefined
 * when no package declares an endpoint.
 */
export async function servePackageEndpoints(registry: WorkflowRegistry, clock: Pick<Clock, 'now'>): Promise<{ close(): Promise<void> } | undefined> {
  if (!registry.packages.some((pkg) => pkg.endpoints.length > 0)) return undefined;
  const endpoints = mountPackageEndpoints(registry, clock);
  const listenHost = '127.0.0.1';
  const server = createServer(async (req, res) => {
    const refused = refusal(req.method ?? 'GET', req.headers, { listenHost, port: (server.address() as AddressInfo).port });
    if (refused) res.writeHead(403, { 'content-type': 'text/plain' }).end(refused);
    else if (!(await endpoints.handle(req, res))) res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, listenHost, resolve));
  const environment = endpoints.environment(`http://${listenHost}:${(server.address() as AddressInfo).port}`);
  const saved = Object.fromEntries(Object.keys(environment).map((name) => [name, process.env[name]]));
  Object.assign(process.env, environment);
  return {
    async close() {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
