/**
 * Checks that a TestEventPattern event is an acceptable event.
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_TestEventPattern.html
 */
import { InvalidEventError } from './errors';

/**
 * Envelope fields AWS insists on. Its documentation also lists `resources`, but recorded AWS answers accept
 * events without it.
 */
const REQUIRED_FIELDS = ['id', 'account', 'source', 'time', 'region', 'detail-type'];

/** @throws InvalidEventError when the text is not a JSON object carrying the envelope fields */
export function parseTestEvent(text: string): Record<string, unknown> {
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    throw new InvalidEventError();
  }
  if (event === null || typeof event !== 'object' || Array.isArray(event)) throw new InvalidEventError();
  const record = event as Record<string, unknown>;
  if (REQUIRED_FIELDS.some((field) => !(field in record))) throw new InvalidEventError();
  return record;
}
