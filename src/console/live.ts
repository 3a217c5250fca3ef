/**
 * Server-sent events pushed from the engine as it records history: one stream per execution (its
 * whole history, then every event as it happens) and one stream of execution status changes for
 * the overview pages. Nothing polls: the engine's history observer writes to the open responses.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HistoryEvent as AwsHistoryEvent } from '@aws-sdk/client-sfn';
import type { Engine } from '../control/engine';
import { toAwsEvent, type StoredEvent } from '../interpreter/history/events';

const STATUS_EVENTS = new Set(['ExecutionStarted', 'ExecutionSucceeded', 'ExecutionFailed', 'ExecutionAborted', 'ExecutionTimedOut', 'ExecutionRedriven']);

export class LiveStreams {
  private readonly byExecution = new Map<string, Set<ServerResponse>>();
  private readonly statusWatchers = new Set<ServerResponse>();
  private readonly stopObserving: () => void;

  constructor(private readonly engine: Engine) {
    this.stopObserving = engine.observeHistory((arn, event) => this.told(arn, event));
  }

  /** The execution's history from after `lastEventId` (a reconnecting EventSource sends it), then live. */
  execution(req: IncomingMessage, res: ServerResponse, executionArn: string): void {
    const after = Number(req.headers['last-event-id'] ?? 0) || 0;
    // Read synchronously and subscribe in the same tick: no event can slip between the two.
    const recorded = this.recorded(executionArn).filter((event) => (event.id ?? 0) > after);
    openStream(res);
    for (const event of recorded) send(res, 'history', event, event.id);
    let watchers = this.byExecution.get(executionArn);
    if (!watchers) this.byExecution.set(executionArn, (watchers = new Set()));
    watchers.add(res);
    req.on('close', () => {
      watchers.delete(res);
      if (watchers.size === 0) this.byExecution.delete(executionArn);
    });
  }

  /** Every execution's status changes, from now on. */
  statuses(req: IncomingMessage, res: ServerResponse): void {
    openStream(res);
    this.statusWatchers.add(res);
    req.on('close', () => this.statusWatchers.delete(res));
  }

  close(): void {
    this.stopObserving();
    for (const res of [...this.statusWatchers, ...[...this.byExecution.values()].flatMap((set) => [...set])]) res.end();
  }

  private told(executionArn: string, event: StoredEvent): void {
    const watchers = this.byExecution.get(executionArn);
    if (watchers) {
      const aws = toAwsEvent(event);
      for (const res of watchers) send(res, 'history', aws, event.id);
    }
    if (STATUS_EVENTS.has(event.type) && this.statusWatchers.size > 0) {
      const change = { executionArn, type: event.type, timestamp: new Date(event.timestamp).toISOString() };
      for (const res of this.statusWatchers) send(res, 'status', change);
    }
  }

  private recorded(executionArn: string): AwsHistoryEvent[] {
    const events: AwsHistoryEvent[] = [];
    let nextToken: string | undefined;
    do {
      const page = this.engine.getExecutionHistory({ executionArn, maxResults: 1000, nextToken });
      events.push(...(page.events ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    return events;
  }
}

function openStream(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Content-Type-Options': 'nosniff' });
  // Tells the browser how long to wait before reconnecting after the server restarts.
  res.write('retry: 2000\n\n');
}

function send(res: ServerResponse, type: string, data: unknown, id?: number): void {
  res.write(`event: ${type}\n${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(data)}\n\n`);
}
