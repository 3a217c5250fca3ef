/**
 * The web console, served by the endpoint's own process and port. It answers browser navigations
 * to `/` and everything under `/_console/` (no bucket can be named so: S3 bucket names start with a
 * letter or digit); every other request goes on to the AWS APIs, which the pages call like any client.
 * Before anything, every request passes the cross-site guard.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FrontHandler } from '../api/server';
import type { Engine } from '../control/engine';
import type { EventBus } from '../events/bus';
import { INDEX_HTML, LIBRARIES, pageModule, sendFile, webFile } from './assets';
import { isLoopback, refusal } from './guard';
import { LiveStreams } from './live';
import { RecentEvents } from './recent-events';
import { sendConsoleError } from './respond';
import { acceptToken, askForToken, cookieToken, newToken, sameToken } from './token';
import { ConsoleApi } from './console-api';
import type { Scheduler } from '../events/scheduler';
import type { ConsoleExtensions } from './types';

export const CONSOLE_PREFIX = '/_console/';

export interface ConsoleOptions extends ConsoleExtensions {
  engine: Engine;
  bus?: EventBus;
  /** Whose dead letters (schedules' firings that ran out of retries) the Events page lists beside the bus's. */
  scheduler?: Pick<Scheduler, 'deadLetters'>;
  /**
   * The address the endpoint listens on: a loopback address enables the `Host` check; any other
   * makes the console ask for a token (see `entryUrl`).
   */
  listenHost: string;
}

export interface Console {
  /** For the server's `front` option. */
  front: FrontHandler;
  /** Where to open the console: the server's URL, with the token when one is needed. */
  entryUrl(serverUrl: string): string;
  close(): void;
}

/** The console's own first address segments (`web/main.js` routes them): no package page may take one. */
export const BUILT_IN_ROUTES = ['workflows', 'executions', 'models', 'events', 'buckets'];

export function createConsole(options: ConsoleOptions): Console {
  const taken = (options.pages ?? []).filter((page) => BUILT_IN_ROUTES.includes(page.route));
  if (taken.length > 0) throw new Error(`Console pages may not take the console's own routes: ${taken.map((page) => `"${page.route}" (${page.title})`).join(', ')}`);
  const live = new LiveStreams(options.engine);
  const recent = options.bus ? new RecentEvents(options.bus) : undefined;
  const api = new ConsoleApi(options, live, recent);
  const token = isLoopback(options.listenHost) ? undefined : newToken();
  const front: FrontHandler = (req, res) => {
    const why = refusal(req.method ?? 'GET', req.headers, { listenHost: options.listenHost, port: req.socket.localPort ?? 0 });
    if (why) return refuse(req, res, why);
    const url = new URL(req.url ?? '/', 'http://console');
    const navigation = isNavigation(req, url);
    if (!navigation && !url.pathname.startsWith(CONSOLE_PREFIX)) {
      // A browser calling the AWS APIs (it sends Origin) must hold the token too; SDK clients send none.
      if (token && req.headers.origin !== undefined && !sameToken(cookieToken(req), token)) return refuse(req, res, 'The console token is missing: open the address statecraft serve printed');
      return false;
    }
    if (token && !sameToken(cookieToken(req), token)) {
      if (navigation && sameToken(url.searchParams.get('token'), token)) acceptToken(res, token);
      else if (navigation) askForToken(res);
      else return refuse(req, res, 'The console token is missing: open the address statecraft serve printed');
      return true;
    }
    if (navigation) {
      sendFile(res, INDEX_HTML);
      return true;
    }
    return serve(req, res, url).then(() => true);
  };

  function refuse(req: IncomingMessage, res: ServerResponse, why: string): true {
    req.resume();
    sendConsoleError(res, 403, 'AccessDeniedException', why);
    return true;
  }

  async function serve(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname.slice(CONSOLE_PREFIX.length);
    if (path.startsWith('api/')) return api.handle(req, res, path.slice('api/'.length), url.searchParams);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendConsoleError(res, 405, 'MethodNotAllowed', `${req.method} ${url.pathname}`);
    const file = assetPath(path);
    if (!file) return sendConsoleError(res, 404, 'NotFound', `No console file ${url.pathname}`);
    sendFile(res, file);
  }

  function assetPath(path: string): string | undefined {
    if (path.startsWith('app/')) return webFile(path.slice('app/'.length));
    if (path.startsWith('lib/')) return Object.hasOwn(LIBRARIES, path.slice(4)) ? LIBRARIES[path.slice(4)] : undefined;
    const view = /^views\/(\d+)\.js$/.exec(path);
    if (view) return options.resultViews?.[Number(view[1])]?.module;
    const page = /^pages\/(\d+)\/([\w.-]+\.js)$/.exec(path);
    if (page) return pageModule(options.pages?.[Number(page[1])], page[2]);
    return undefined;
  }

  return {
    front,
    entryUrl: (serverUrl) => (token ? `${serverUrl}/?token=${token}` : `${serverUrl}/`),
    close: () => {
      live.close();
      recent?.close();
    },
  };
}

/**
 * A browser opening the console: GET / asking for HTML, without AWS credentials. S3's ListBuckets
 * is GET / too, but signed and never asking for HTML.
 */
function isNavigation(req: IncomingMessage, url: URL): boolean {
  if (req.method !== 'GET' || url.pathname !== '/' || [...url.searchParams.keys()].some((key) => key !== 'token')) return false;
  if (req.headers.authorization !== undefined || req.headers['x-amz-date'] !== undefined) return false;
  return (req.headers.accept ?? '').includes('text/html');
}
