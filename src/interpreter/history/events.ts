/**
 * History events in AWS's GetExecutionHistory shape. Inside the engine an event carries its
 * details under `details`; `toAwsEvent` puts them under the per-type key AWS uses
 * (`stateEnteredEventDetails`, `taskScheduledEventDetails`, …).
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html
 */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  /** epoch milliseconds */
  timestamp: number;
  type: string;
  details?: Record<string, unknown>;
}

/**
 * A recorded event plus what the engine needs to resume from it (never shown to API clients):
 * a deterministic key naming the step that emitted it, and private data such as the next state.
 */
export interface StoredEvent extends HistoryEvent {
  key: string;
  meta?: Record<string, unknown>;
}

export function detailsKey(type: string): string {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return type[0].toLowerCase() + type.slice(1) + 'EventDetails';
}

/** Fields the engine keeps as values and AWS shows as JSON text. */
const DATA_FIELDS = new Set(['input', 'output', 'parameters']);

export function toAwsEvent(event: HistoryEvent, includeExecutionData = true): Record<string, unknown> {
  const out: Record<string, unknown> = {
    timestamp: new Date(event.timestamp),
    type: event.type,
    id: event.id,
    previousEventId: event.previousEventId,
  };
  if (event.details) {
    const rendered = renderDetails(event.details, includeExecutionData);
    // ExecutionStarted shows the input text exactly as it was given.
    const inputText = (event as StoredEvent).meta?.inputText;
    if (includeExecutionData && typeof inputText === 'string') rendered.input = inputText;
    out[detailsKey(event.type)] = rendered;
  }
  return out;
}

const DATA_DETAIL_FIELDS = new Set(['inputDetails', 'outputDetails']);
/** The text a data field's value was given as (see raw-text.ts), shown instead of re-serialising it. */
const DATA_TEXT_FIELDS = new Set(['inputText', 'outputText']);

/** With includeExecutionData=false, GetExecutionHistory drops inputs, outputs, parameters and their details. */
function renderDetails(details: Record<string, unknown>, includeExecutionData: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(details)) {
    if (DATA_TEXT_FIELDS.has(k)) continue;
    if (DATA_FIELDS.has(k)) {
      const text = details[`${k}Text`];
      if (includeExecutionData) out[k] = typeof text === 'string' ? text : JSON.stringify(v);
    } else if (includeExecutionData || !DATA_DETAIL_FIELDS.has(k)) {
      out[k] = v;
    }
  }
  return out;
}
