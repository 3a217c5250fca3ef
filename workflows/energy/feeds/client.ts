/**
 * Reads one feed over HTTP, as the FetchFeeds tasks do on AWS and locally: the base URL is
 * configuration (see config.ts), the answer is validated whole (validate.ts) before anything of it
 * is used, and every failure is one of the typed errors the workflow's retries match.
 */
import { FeedRequestFailed, InvalidFeedAnswer, WebsiteDownException } from './errors';
import { validateAnswer, type ValidationRequest, type ValidDay } from './validate';

export interface FeedResult {
  /** The answer exactly as received, kept as the raw record. */
  readonly raw: string;
  readonly days: ValidDay[];
}

/** GET `<feedUrl>?from=…&to=…` and validate the answer; `keep` receives every answer received, before validation. */
export async function fetchFeed(feedUrl: string, request: ValidationRequest, keep?: (raw: string) => Promise<void>): Promise<FeedResult> {
  const url = `${feedUrl}?from=${request.from}&to=${request.to}`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (err) {
    throw new WebsiteDownException(`feed ${request.feed} of ${request.market}: ${url} is unreachable (${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message}).`);
  }
  const raw = await response.text();
  if (response.status === 200) await keep?.(raw);
  if (response.status === 503 || response.status === 502 || response.status === 504) {
    throw new WebsiteDownException(`feed ${request.feed} of ${request.market}: HTTP ${response.status} for days ${request.from}..${request.to}.`);
  }
  if (response.status !== 200) throw new FeedRequestFailed(`feed ${request.feed} of ${request.market}: HTTP ${response.status}: ${messageOf(raw)}`);
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new InvalidFeedAnswer(`feed ${request.feed} of ${request.market}: the answer for days ${request.from}..${request.to} is not JSON.`);
  }
  return { raw, days: validateAnswer(body, request) };
}

function messageOf(raw: string): string {
  try {
    const parsed = JSON.parse(raw) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message : raw.slice(0, 200);
  } catch {
    return raw.slice(0, 200);
  }
}

