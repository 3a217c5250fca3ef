/**
 * `statecraft history <executionArn>`: one execution's events from a running server, as a table a
 * person reads (the state each event belongs to, when, how long the state or execution took, the
 * error), or with --json the events exactly as GetExecutionHistory returns them.
 */
import { parseArgs } from 'node:util';
import { GetExecutionHistoryCommand, SFNClient, type HistoryEvent } from '@aws-sdk/client-sfn';
import { UsageError } from './args';
import { localClientConfig } from './endpoint';
import { formatTable } from './table';

export async function historyCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { endpoint: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (positionals.length !== 1) throw new UsageError('expects one execution ARN');
  const sfn = new SFNClient(localClientConfig(values.endpoint));
  try {
    const events = await readHistory(sfn, positionals[0]);
    process.stdout.write(values.json ? JSON.stringify(events, null, 2) + '\n' : formatHistory(events));
    return 0;
  } finally {
    sfn.destroy();
  }
}

async function readHistory(sfn: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn, nextToken }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

const HEADER = ['ID', 'STATE', 'EVENT', 'TIME', 'DURATION', 'ERROR'];
/** A cause can be a whole stack trace: the table shows its start, --json all of it. */
const CAUSE_WIDTH = 100;

export function formatHistory(events: readonly HistoryEvent[]): string {
  const byId = new Map(events.map((e) => [e.id!, e]));
  const start = events[0]?.timestamp;
  const rows = events.map((event) => {
    const entered = enteredEventOf(event, byId);
    const began = event.type!.endsWith('StateExited') ? entered?.timestamp : isExecutionEnd(event) ? start : undefined;
    return [
      String(event.id),
      entered?.stateEnteredEventDetails?.name ?? '',
      event.type!,
      event.timestamp?.toISOString() ?? '',
      began && event.timestamp ? formatDuration(event.timestamp.getTime() - began.getTime()) : '',
      describeError(event),
    ];
  });
  return formatTable(HEADER, rows);
}

/** The StateEntered event an event belongs to, found by following previousEventId back. */
function enteredEventOf(event: HistoryEvent, byId: Map<number, HistoryEvent>): HistoryEvent | undefined {
  const seen = new Set<number>();
  for (let at: HistoryEvent | undefined = event; at && !seen.has(at.id!); at = byId.get(at.previousEventId ?? -1)) {
    seen.add(at.id!);
    if (at.type!.endsWith('StateEntered')) return at;
    if (at !== event && (at.type!.endsWith('StateExited') || at.type === 'ExecutionStarted')) return undefined;
  }
  return undefined;
}

function isExecutionEnd(event: HistoryEvent): boolean {
  return /^Execution(Succeeded|Failed|Aborted|TimedOut)$/.test(event.type!);
}

function describeError(event: HistoryEvent): string {
  const details = Object.entries(event).find(([key]) => key.endsWith('EventDetails'))?.[1] as { error?: string; cause?: string } | undefined;
  if (!details?.error && !details?.cause) return '';
  const cause = (details.cause ?? '').replace(/\s+/g, ' ');
  const text = [details.error, cause].filter(Boolean).join(': ');
  return text.length > CAUSE_WIDTH ? `${text.slice(0, CAUSE_WIDTH - 1)}…` : text;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return minutes < 60 ? `${minutes} min ${seconds} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
