/**
 * What keeps a web page on another site from driving the endpoint through the user's browser.
 *
 * - DNS rebinding: a foreign name resolved to 127.0.0.1 reaches us with that name in `Host`. Bound
 *   to a loopback address, we answer only `Host`s that are a loopback name with our port.
 * - Cross-site requests: browsers send `Origin` (and `Sec-Fetch-Site`) with them; a request whose
 *   origin is not this very server is refused. AWS SDKs and the CLI send neither header, so they
 *   are unaffected; no CORS header is ever sent, so no other origin may read a response either.
 */
import type { IncomingHttpHeaders } from 'node:http';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export interface GuardContext {
  /** The address the server listens on (`--host`). */
  listenHost: string;
  /** The port the request arrived on. */
  port: number;
}

/** Why the request must be refused, or undefined when it may go on. */
export function refusal(method: string, headers: IncomingHttpHeaders, context: GuardContext): string | undefined {
  const host = headers.host;
  if (isLoopback(context.listenHost)) {
    if (!host || !isLoopbackHost(host, context.port)) return `Host '${host ?? ''}' is not this server: requests must name ${context.listenHost}:${context.port} or localhost:${context.port}`;
  }
  const origin = headers.origin;
  if (origin !== undefined && (!host || origin !== `http://${host}`)) return `Cross-origin request from '${origin}' refused`;
  const site = headers['sec-fetch-site'];
  if (!isSafe(method) && typeof site === 'string' && site !== 'same-origin' && site !== 'none') return `Cross-site ${method} refused (Sec-Fetch-Site: ${site})`;
  return undefined;
}

export function isLoopback(address: string): boolean {
  return LOOPBACK_NAMES.has(address) || address.startsWith('127.');
}

function isLoopbackHost(host: string, port: number): boolean {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host.toLowerCase());
  if (!match) return false;
  const [, name, portText] = match;
  return (LOOPBACK_NAMES.has(name) || name.startsWith('127.')) && Number(portText ?? 80) === port;
}

function isSafe(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
}
