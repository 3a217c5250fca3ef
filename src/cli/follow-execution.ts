/**
 * Following an execution on a running server through the Step Functions API, as a client command
 * does: starts it, reads its history as it grows (GetExecutionHistory, continuing from the last
 * page's token) and tells a person what happens, one plain line per state entered, Map progress in
 * tenths, and failures, until DescribeExecution says it has ended.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_GetExecutionHistory.html
 */
import { DescribeExecutionCommand, GetExecutionHistoryCommand, ListStateMachinesCommand, StartExecutionCommand, type HistoryEvent, type SFNClient } from '@aws-sdk/client-sfn';
import type { ExecutionOutcome } from '../builder/package-command';

/** How often the history is read while the execution runs. */
const POLL_MS = 500;

export class WorkflowNotDeployed extends Error {
  override readonly name = 'StateMachineDoesNotExist';
}

/** The ARN of the deployed state machine named `workflow`. */
export async function stateMachineArnOf(sfn: SFNClient, workflow: string): Promise<string> {
  let nextToken: string | undefined;
  const names: string[] = [];
  do {
    const page = await sfn.send(new ListStateMachinesCommand({ nextToken }));
    for (const machine of page.stateMachines ?? []) {
      if (machine.name === workflow) return machine.stateMachineArn!;
      names.push(machine.name!);
    }
    nextToken = page.nextToken;
  } while (nextToken);
  throw new WorkflowNotDeployed(`the server has no state machine named ${workflow} (it has: ${names.join(', ') || 'none'})`);
}

export interface FollowOptions {
  name?: string;
  /** Receives each progress line; omitted, nothing is told. */
  onProgress?: (line: string) => void;
}

export async function runAndFollow(sfn: SFNClient, workflow: string, input: unknown, options: FollowOptions = {}): Promise<ExecutionOutcome> {
  const stateMachineArn = await stateMachineArnOf(sfn, workflow);
  const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input), name: options.name }));
  options.onProgress?.(`started ${executionArn}`);
  return follow(sfn, executionArn!, options.onProgress);
}

export async function follow(sfn: SFNClient, executionArn: string, onProgress?: (line: string) => void): Promise<ExecutionOutcome> {
  const describer = new HistoryDescriber();
  let lastSeen = 0;
  for (;;) {
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    // Read what was recorded since the last look; once it has ended, that includes the last event.
    const fresh = await eventsAfter(sfn, executionArn, lastSeen);
    for (const event of fresh) {
      const line = describer.describe(event);
      if (line && onProgress) onProgress(line);
    }
    if (fresh.length) lastSeen = fresh[fresh.length - 1]!.id!;
    if (described.status !== 'RUNNING' && described.status !== 'PENDING_REDRIVE') {
      return { executionArn, status: described.status!, output: described.output === undefined ? undefined : JSON.parse(described.output), error: described.error, cause: described.cause };
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * The events after `lastSeen`, oldest first. The API pages only forward by token, so the newest are
 * read first (reverseOrder) until a page reaches an event already told: each look costs only what is new.
 */
async function eventsAfter(sfn: SFNClient, executionArn: string, lastSeen: number): Promise<HistoryEvent[]> {
  const fresh: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 1000, nextToken }));
    const events = page.events ?? [];
    fresh.push(...events.filter((event) => event.id! > lastSeen));
    if (events.some((event) => event.id! <= lastSeen)) break;
    nextToken = page.nextToken;
  } while (nextToken);
  return fresh.reverse();
}

/** One line per event worth telling, from the API's history events. */
export class HistoryDescriber {
  private readonly maps = new Map<number, { done: number; total: number }>();

  describe(event: HistoryEvent): string | undefined {
    const type = event.type ?? '';
    if (type.endsWith('StateEntered')) return `→ ${event.stateEnteredEventDetails?.name} (${type.replace('StateEntered', '')})`;
    if (type === 'MapStateStarted') {
      const total = event.mapStateStartedEventDetails?.length ?? 0;
      this.maps.set(event.id!, { done: 0, total });
      return `  map over ${total} items`;
    }
    if (type === 'MapIterationSucceeded' || type === 'MapIterationFailed') {
      const progress = this.mapOf(event);
      if (!progress) return undefined;
      progress.done++;
      const step = Math.max(1, Math.floor(progress.total / 10));
      return progress.done % step === 0 || progress.done === progress.total ? `  map ${progress.done}/${progress.total}` : undefined;
    }
    if (type.endsWith('Failed') || type.endsWith('TimedOut')) {
      const details = failureDetails(event);
      return `✗ ${type}${details.error ? `: ${details.error}` : ''}${details.cause ? ` — ${details.cause.slice(0, 300)}` : ''}`;
    }
    return undefined;
  }

  /** The Map whose iteration this is: the latest started Map before it (iterations of one Map are recorded together). */
  private mapOf(event: HistoryEvent): { done: number; total: number } | undefined {
    let found: number | undefined;
    for (const id of this.maps.keys()) if (id < event.id! && (found === undefined || id > found)) found = id;
    return found === undefined ? undefined : this.maps.get(found);
  }
}

function failureDetails(event: HistoryEvent): { error?: string; cause?: string } {
  for (const [key, value] of Object.entries(event)) {
    if (key.endsWith('EventDetails') && value && typeof value === 'object' && ('error' in value || 'cause' in value)) return value as { error?: string; cause?: string };
  }
  return {};
}
