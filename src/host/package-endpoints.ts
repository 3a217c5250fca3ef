/**
 * The HTTP endpoints workflow packages contribute (local stand-ins for outside services), mounted
 * on the endpoint's port at `/_<name>/` with the engine's clock. The host names no package: it
 * mounts whatever the registry's packages declare.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EndpointHandler, WorkflowRegistry } from '../builder/workflow-package';
import type { Clock } from '../clock/clock';

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
