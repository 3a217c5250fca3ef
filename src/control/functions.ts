/**
 * Runs Lambda handlers in-process: `DIR/<name>.{js,mjs,ts}` exporting `handler(event, context)`,
 * answered the way Lambda's Invoke answers (a JSON payload, or `functionError: 'Unhandled'` with
 * the Node.js runtime's error object when the handler throws).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-exceptions.html
 */
import { locationOf } from '../location';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Json } from '../asl/json';
import { StatesError } from '../asl/errors';
import type { InvokeOptions, LambdaInvoker, LambdaResponse } from '../interpreter/integrations/services';
import type { Location } from './names';

export interface LambdaContext {
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  awsRequestId: string;
  memoryLimitInMB: string;
  getRemainingTimeInMillis(): number;
}

export type LambdaHandler = (event: unknown, context: LambdaContext) => unknown;

export interface DirectoryLambdaOptions extends Partial<Location> {
  /** What `getRemainingTimeInMillis()` counts down from. @default 900000 (Lambda's maximum) */
  timeoutMs?: number;
}

const EXTENSIONS = ['.js', '.mjs', '.ts'];
const FUNCTION_NAME = /^[a-zA-Z0-9_-]+$/;

export class DirectoryLambdaInvoker implements LambdaInvoker {
  private readonly handlers = new Map<string, Promise<LambdaHandler>>();
  private readonly region: string;
  private readonly account: string;
  private readonly timeoutMs: number;

  constructor(
    private readonly dir: string,
    options: DirectoryLambdaOptions = {},
  ) {
    ({ region: this.region, account: this.account } = locationOf(options));
    this.timeoutMs = options.timeoutMs ?? 900_000;
  }

  async invoke(functionName: string, payload: Json | undefined, options: InvokeOptions): Promise<LambdaResponse> {
    const handler = await this.handlerFor(functionName);
    const deadline = Date.now() + this.timeoutMs;
    const context: LambdaContext = {
      functionName,
      functionVersion: '$LATEST',
      invokedFunctionArn: this.functionArn(functionName),
      awsRequestId: options.requestId,
      memoryLimitInMB: '128',
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    try {
      const result = await handler(payload ?? {}, context);
      return { payload: result === undefined ? 'null' : JSON.stringify(result), executedVersion: '$LATEST' };
    } catch (err) {
      return { payload: JSON.stringify(errorPayload(err)), functionError: 'Unhandled', executedVersion: '$LATEST' };
    }
  }

  private functionArn(name: string): string {
    return `arn:aws:lambda:${this.region}:${this.account}:function:${name}`;
  }

  private handlerFor(name: string): Promise<LambdaHandler> {
    let loaded = this.handlers.get(name);
    if (!loaded) {
      loaded = this.load(name);
      this.handlers.set(name, loaded);
      loaded.catch(() => this.handlers.delete(name));
    }
    return loaded;
  }

  private async load(name: string): Promise<LambdaHandler> {
    const file = FUNCTION_NAME.test(name) ? EXTENSIONS.map((ext) => join(this.dir, name + ext)).find((f) => existsSync(f)) : undefined;
    if (!file) throw this.notFound(name);
    const mod = (await loadModule(file)) as { handler?: unknown; default?: { handler?: unknown } };
    const handler = mod.handler ?? mod.default?.handler;
    if (typeof handler !== 'function') {
      throw new StatesError('Lambda.ServiceException', `The module '${file}' does not export a function named 'handler'.`, false);
    }
    return handler as LambdaHandler;
  }

  private notFound(name: string): StatesError {
    const cause =
      `Function not found: ${this.functionArn(name)}:$LATEST (Service: AWSLambda; Status Code: 404; ` +
      'Error Code: ResourceNotFoundException; Request ID: 00000000-0000-0000-0000-000000000000; Proxy: null)';
    return new StatesError('Lambda.ResourceNotFoundException', cause, false);
  }
}

/** The error object Lambda's Node.js runtime returns for an unhandled exception. */
export function errorPayload(err: unknown): { errorType: string; errorMessage: string; trace: string[] } {
  if (err instanceof Error) {
    return { errorType: err.name, errorMessage: err.message, trace: (err.stack ?? '').split('\n').filter((l) => l !== '') };
  }
  return { errorType: 'Error', errorMessage: String(err), trace: [] };
}

async function loadModule(file: string): Promise<unknown> {
  if (file.endsWith('.mjs')) return import(pathToFileURL(file).href);
  // TypeScript handlers compile on the fly through tsx's require hook (a no-op when already registered).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (file.endsWith('.ts')) require('tsx/cjs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file);
}
