/**
 * What `statecraft serve`'s start banner says besides what is deployed: the one setting SDK and CLI
 * clients need for StartSyncExecution and TestState, and the rules that trigger themselves.
 */

/** Something that can list its self-triggering rules (the local EventBus). */
export interface LoopReporter {
  selfTriggerWarnings(): string[];
}

/**
 * The SDK and the CLI send StartSyncExecution and TestState to `sync-<host>`, which an IP address or
 * `localhost` does not have; both can be told not to prefix the host.
 */
export function serveNotes(url: string, bus?: LoopReporter): string[] {
  return [
    'StartSyncExecution and TestState go to a "sync-" host prefix that a local endpoint lacks; turn it off:',
    `  SDK: new SFNClient({ endpoint: '${url}', disableHostPrefix: true, ... })`,
    `  AWS CLI: AWS_DISABLE_HOST_PREFIX_INJECTION=true aws stepfunctions start-sync-execution --endpoint-url ${url} ...`,
    ...(bus?.selfTriggerWarnings() ?? []).map((warning) => `warning: ${warning}`),
  ];
}
