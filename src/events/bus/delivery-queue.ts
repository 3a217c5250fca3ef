/**
 * Works through the delivery queue on the engine's clock: delivers every due row (a few at once),
 * deletes it on success, reschedules it with backoff on a retryable failure, and moves it to the
 * dead-letter store when its RetryPolicy is exhausted.
 */
import type { Clock } from '../../clock/clock';
import { decideRetry, type ExhaustedRetryCondition } from './retry-policy';
import { DeliveryError, invokeTarget, type TargetServices } from './target-invoker';
import type { DeadLetterAttributes, Delivery, DeliveryStore } from './delivery-store';

/**
 * What a dead-letter message of an abandoned delivery carries: its body and its message
 * attributes. EventBridge rules and EventBridge Scheduler send different ones.
 */
export type DeadLetterContent = (delivery: Delivery, error: DeliveryError, exhausted: ExhaustedRetryCondition | undefined) => { body: string; attributes: object };

/** An EventBridge rule's dead letter: the event, and AWS's attributes naming the rule and target. */
export const ruleDeadLetter: DeadLetterContent = (delivery, error, exhausted) => {
  const attributes: DeadLetterAttributes = {
    RULE_ARN: delivery.ruleArn,
    TARGET_ARN: delivery.target.Arn!,
    ERROR_CODE: error.code,
    ERROR_MESSAGE: error.message,
    ...(exhausted ? { EXHAUSTED_RETRY_CONDITION: exhausted } : {}),
    RETRY_ATTEMPTS: String(delivery.attempts),
  };
  return { body: JSON.stringify(delivery.event), attributes };
};

const MAX_IN_FLIGHT = 16;

export class DeliveryQueue {
  private readonly inFlight = new Set<number>();
  private readonly idleWaiters: (() => void)[] = [];
  private wakeUp: AbortController | undefined;
  private wakeAt = Infinity;
  private running = false;
  private draining = false;
  private drainAgain = false;

  constructor(
    private readonly store: DeliveryStore,
    private readonly clock: Clock,
    private readonly services: TargetServices,
    private readonly deadLetter: DeadLetterContent = ruleDeadLetter,
  ) {}

  /** Starts delivering, beginning with whatever a previous process left in the queue. */
  start(): void {
    this.running = true;
    this.kick();
  }

  stop(): void {
    this.running = false;
    this.wakeUp?.abort();
    [this.wakeUp, this.wakeAt] = [undefined, Infinity];
  }

  /** Delivers whatever is due now; call after committing new rows. */
  kick(): void {
    if (!this.running) return;
    if (this.draining) {
      this.drainAgain = true;
      return;
    }
    this.draining = true;
    try {
      do {
        this.drainAgain = false;
        const free = MAX_IN_FLIGHT - this.inFlight.size;
        if (free > 0) for (const delivery of this.store.dueBy(this.clock.now(), free, this.inFlight)) this.launch(delivery);
      } while (this.drainAgain);
    } finally {
      this.draining = false;
    }
    this.armWakeUp();
    this.notifyIfIdle();
  }

  /** Resolves once nothing is in flight and nothing is due now (later retries may remain). */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.notifyIfIdle();
    });
  }

  private launch(delivery: Delivery): void {
    this.inFlight.add(delivery.seq);
    void this.attempt(delivery).finally(() => {
      this.inFlight.delete(delivery.seq);
      this.kick();
    });
  }

  private async attempt(delivery: Delivery): Promise<void> {
    try {
      await invokeTarget(this.services, delivery.target, delivery.input, delivery.event);
    } catch (error) {
      if (!this.running) return; // closing: the row stays queued for the next process
      this.fail(delivery, error instanceof DeliveryError ? error : new DeliveryError('INTERNAL_ERROR', String(error), true));
      return;
    }
    if (this.running) this.store.complete(delivery.seq);
  }

  private fail(delivery: Delivery, error: DeliveryError): void {
    const now = this.clock.now();
    const decision = error.retryable ? decideRetry(delivery.target.RetryPolicy, delivery.attempts, delivery.ingested, now) : undefined;
    if (decision?.retry) return this.store.reschedule(delivery.seq, delivery.attempts + 1, decision.due);
    const queueArn = delivery.target.DeadLetterConfig?.Arn;
    const letter = queueArn ? this.deadLetter(delivery, error, decision?.condition) : undefined;
    this.store.abandon(delivery, queueArn && letter ? { queueArn, ...letter, sentAt: now } : undefined);
  }

  /** One timer for the earliest future retry; re-armed when an earlier one appears. */
  private armWakeUp(): void {
    const next = this.store.nextDueAfter(this.clock.now());
    if (next === undefined || next >= this.wakeAt) return;
    this.wakeUp?.abort();
    const controller = new AbortController();
    this.wakeUp = controller;
    this.wakeAt = next;
    this.clock.sleepUntil(next, controller.signal).then(
      () => {
        if (this.wakeUp === controller) [this.wakeUp, this.wakeAt] = [undefined, Infinity];
        this.kick();
      },
      () => undefined,
    );
  }

  private notifyIfIdle(): void {
    if (this.inFlight.size > 0 || this.store.dueBy(this.clock.now(), 1, this.inFlight).length > 0) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
