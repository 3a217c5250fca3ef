/**
 * Where `.waitForTaskToken` tasks wait, and what SendTaskSuccess/Failure/Heartbeat answer.
 * An answer is written to the database before it is delivered, so a task that was answered just
 * before the process died gets its answer when the execution resumes.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-wait-token
 */
import type { Json } from '../asl/json';
import { StatesError } from '../asl/errors';
import type { TaskTokenBroker } from '../interpreter/integrations/services';
import type { TaskTokenStore } from '../store';
import { InvalidOutput, InvalidToken, SfnApiError, TaskDoesNotExist, TaskTimedOut, ValidationException } from './errors';

interface Waiter {
  resolve(output: Json): void;
  reject(err: unknown): void;
  heartbeat(): void;
}

const MAX_TOKEN_LENGTH = 2048;
const MAX_OUTPUT_BYTES = 256 * 1024;

export class DurableTaskTokenBroker implements TaskTokenBroker {
  private readonly waiters = new Map<string, Waiter>();
  private closed = false;

  constructor(private readonly store: TaskTokenStore) {}

  wait(token: string, signal: AbortSignal, onHeartbeat: () => void): Promise<Json> {
    this.store.open(token, executionOfToken(token));
    const record = this.store.get(token)!;
    if (record.status === 'SUCCEEDED') return Promise.resolve(JSON.parse(record.output ?? 'null') as Json);
    if (record.status === 'FAILED') return Promise.reject(new StatesError(record.error ?? '', record.cause, false));
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise<Json>((resolve, reject) => {
      const onAbort = () => {
        this.waiters.delete(token);
        // On shutdown the task is still waiting: the resumed execution waits on the same token.
        if (!this.closed) this.store.answer(token, 'CLOSED');
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const settle = () => {
        signal.removeEventListener('abort', onAbort);
        this.waiters.delete(token);
      };
      this.waiters.set(token, {
        resolve: (output) => (settle(), resolve(output)),
        reject: (err) => (settle(), reject(err)),
        heartbeat: onHeartbeat,
      });
    });
  }

  sendSuccess(token: unknown, output: unknown): void {
    const checked = this.waitingToken(token);
    if (typeof output !== 'string' || Buffer.byteLength(output) > MAX_OUTPUT_BYTES) {
      throw new ValidationException(`1 validation error detected: Value at 'output' failed to satisfy constraint: Member must have length less than or equal to ${MAX_OUTPUT_BYTES}`);
    }
    let parsed: Json;
    try {
      parsed = JSON.parse(output) as Json;
    } catch {
      throw new InvalidOutput(`Invalid Output: '${output}'`);
    }
    if (!this.store.answer(checked, 'SUCCEEDED', { output })) throw taskGone();
    this.waiters.get(checked)?.resolve(parsed);
  }

  sendFailure(token: unknown, error?: string, cause?: string): void {
    const checked = this.waitingToken(token);
    if (!this.store.answer(checked, 'FAILED', { error, cause })) throw taskGone();
    this.waiters.get(checked)?.reject(new StatesError(error ?? '', cause, false));
  }

  sendHeartbeat(token: unknown): void {
    const checked = this.waitingToken(token);
    this.waiters.get(checked)?.heartbeat();
  }

  /** Stops recording anything (the engine is shutting down). */
  close(): void {
    this.closed = true;
  }

  /** Forgets the answers of a redriven execution: its failed callback tasks wait again under the same tokens. */
  reset(executionArn: string): void {
    this.store.deleteForExecution(executionArn);
  }

  private waitingToken(token: unknown): string {
    if (typeof token !== 'string' || token.length < 1 || token.length > MAX_TOKEN_LENGTH) {
      throw new ValidationException(`1 validation error detected: Value at 'taskToken' failed to satisfy constraint: Member must have length between 1 and ${MAX_TOKEN_LENGTH}`);
    }
    executionOfToken(token);
    const record = this.store.get(token);
    if (!record) throw new TaskDoesNotExist('Task does not exist');
    if (record.status !== 'WAITING') throw taskGone();
    return token;
  }
}

/** A task whose work ended (answered, timed out, stopped) no longer takes answers; AWS calls that TaskTimedOut. */
function taskGone(): SfnApiError {
  return new TaskTimedOut("Task Timed Out: 'Provided task does not exist anymore'");
}

/** Tokens are `base64url(executionArn#stepKey#attempt)` (see the interpreter's taskToken). */
export function executionOfToken(token: string): string {
  const decoded = Buffer.from(token, 'base64url').toString('utf8');
  const parts = decoded.split('#');
  if (parts.length < 3 || !decoded.startsWith('arn:') || Buffer.from(decoded).toString('base64url') !== token) {
    throw new InvalidToken(`Invalid Token: '${token}'`);
  }
  return parts[0];
}
