/** JSON answers of the console's own endpoints; errors carry an AWS-style error name. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../api/json-protocol';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

export function sendConsoleError(res: ServerResponse, status: number, name: string, message: string): void {
  sendJson(res, status, { __type: name, message });
}

/** The request's JSON object body, or undefined after answering a ValidationException. */
export async function jsonBody(req: IncomingMessage, res: ServerResponse): Promise<Record<string, unknown> | undefined> {
  const text = (await readBody(req, 1024 * 1024)).toString('utf8');
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  sendConsoleError(res, 400, 'ValidationException', 'The request body must be a JSON object');
  return undefined;
}
