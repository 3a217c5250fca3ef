/**
 * Beyond loopback (`--host 0.0.0.0`), anyone on the network can reach the console's port, and the
 * `Host` check cannot tell good names from bad. The console then asks for a token that `serve` prints
 * at start: opening `/?token=…` once stores it in a strict same-site cookie, which every console
 * request and every browser request to the APIs must then carry.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const TOKEN_COOKIE = 'statecraft_console';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function sameToken(given: string | undefined | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return undefined;
}

/** Stores the token and sends the browser to the console without it in the address bar. */
export function acceptToken(res: ServerResponse, token: string): void {
  res.writeHead(303, { Location: '/', 'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`, 'Cache-Control': 'no-store' });
  res.end();
}

export function askForToken(res: ServerResponse): void {
  const page = '<!doctype html><meta charset="utf-8"><title>statecraft console</title><body style="font-family:system-ui;margin:48px">' +
    '<h1>This console needs its token</h1><p>The endpoint listens beyond this machine, so the console opens only with the token ' +
    '<code>statecraft serve</code> printed at start: open the address it printed (<code>…/?token=…</code>).</p></body>';
  res.writeHead(401, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Frame-Options': 'DENY' });
  res.end(page);
}
