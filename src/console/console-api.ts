/**
 * The console's own endpoints under `/_console/api/`, for what the AWS APIs do not offer: the host's
 * extensions (input schemas, result views, the model registry), live streams, input validation as
 * the user types, the bus's recent events, and the bus's and the Scheduler's dead letters.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TSchema } from '@sinclair/typebox';
import type { DeadLetter } from '../events/bus';
import { validatePayload } from '../schemas';
import { pageUrl } from './assets';
import type { LiveStreams } from './live';
import type { RecentEvents } from './recent-events';
import { jsonBody, sendConsoleError, sendJson } from './respond';
import type { ConsoleOptions } from './console';
import type { ConsoleExtensions, ModelDecision } from './types';

export class ConsoleApi {
  constructor(
    private readonly options: ConsoleExtensions & Pick<ConsoleOptions, 'engine' | 'bus' | 'scheduler'>,
    private readonly live: LiveStreams,
    private readonly recent?: RecentEvents,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse, route: string, query: URLSearchParams): Promise<void> {
    const key = `${req.method} ${route}`;
    switch (key) {
      case 'GET config':
        return sendJson(res, 200, this.config());
      case 'GET stream':
        return this.live.statuses(req, res);
      case 'GET execution-stream':
        return this.executionStream(req, res, query.get('arn') ?? '');
      case 'POST validate':
        return this.validate(req, res);
      case 'GET models':
        return this.listModels(res);
      case 'POST models/decide':
        return this.decide(req, res);
      case 'GET bus/recent':
        return sendJson(res, 200, { events: this.recent?.list() ?? [] });
      case 'GET bus/dead-letters':
        return sendJson(res, 200, { deadLetters: this.deadLetters() });
      default:
        req.resume();
        return sendConsoleError(res, 404, 'NotFound', `No console operation ${key}`);
    }
  }

  /** The bus's and the Scheduler's, newest first. */
  private deadLetters(): DeadLetter<object>[] {
    const letters: DeadLetter<object>[] = [...(this.options.bus?.deadLetters() ?? []), ...(this.options.scheduler?.deadLetters() ?? [])];
    return letters.sort((a, b) => b.sentAt - a.sentAt);
  }

  private config(): unknown {
    return {
      workflows: (this.options.workflows ?? []).map((workflow) => ({ name: workflow.name, inputSchema: workflow.inputSchema ?? null })),
      resultViews: (this.options.resultViews ?? []).map((view, index) => ({ workflow: view.workflow, title: view.title, url: `/_console/views/${index}.js` })),
      pages: (this.options.pages ?? []).map((page, index) => ({ route: page.route, title: page.title, settings: page.settings ?? {}, url: pageUrl(index, page) })),
      models: this.options.models !== undefined,
      events: this.options.bus !== undefined,
    };
  }

  private executionStream(req: IncomingMessage, res: ServerResponse, arn: string): void {
    try {
      this.options.engine.describeExecution({ executionArn: arn });
    } catch (err) {
      const { name, message } = err as Error;
      return sendConsoleError(res, 400, name, message);
    }
    this.live.execution(req, res, arn);
  }

  /** `{ workflow, input }` → `{ problems: [{ path, message }] }`, empty when the input is valid. */
  private async validate(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await jsonBody(req, res);
    if (!body) return;
    const workflow = (this.options.workflows ?? []).find((entry) => entry.name === body.workflow);
    if (!workflow) return sendConsoleError(res, 400, 'StateMachineDoesNotExist', `No workflow named '${String(body.workflow)}' has an input schema`);
    const schema: TSchema | undefined = workflow.inputSchema;
    const problems = schema ? validatePayload(schema, body.input, `Input of workflow ${workflow.name}`).map(({ path, message }) => ({ path, message })) : [];
    sendJson(res, 200, { problems });
  }

  private async listModels(res: ServerResponse): Promise<void> {
    if (!this.options.models) return sendJson(res, 200, { versions: [] });
    sendJson(res, 200, { versions: await this.options.models.list() });
  }

  private async decide(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await jsonBody(req, res);
    if (!body) return;
    const { modelName, version, decision, reason } = body;
    if (!this.options.models) return sendConsoleError(res, 400, 'ValidationException', 'This console has no model registry');
    if (typeof modelName !== 'string' || !Number.isInteger(version) || (decision !== 'approve' && decision !== 'reject') || (reason !== undefined && typeof reason !== 'string')) {
      return sendConsoleError(res, 400, 'ValidationException', "Expected { modelName: string, version: integer, decision: 'approve' | 'reject', reason?: string }");
    }
    try {
      sendJson(res, 200, await this.options.models.decide(modelName, version as number, decision as ModelDecision, reason as string | undefined));
    } catch (err) {
      const { name, message } = err as Error;
      sendConsoleError(res, 400, name, message);
    }
  }
}
