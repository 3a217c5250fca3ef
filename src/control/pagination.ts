/**
 * Paging for List* and GetExecutionHistory: the nextToken is an opaque offset, and maxResults
 * follows AWS (0 or absent means the default of 100, at most 1000).
 */
import { decodeOffsetToken, encodeOffsetToken } from '../paging';
import { SfnApiError, ValidationException } from './errors';

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export interface PageRequest {
  maxResults?: number;
  nextToken?: string;
}

const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;

export function pageBounds(request: PageRequest): { offset: number; limit: number } {
  const max = request.maxResults ?? 0;
  if (!Number.isInteger(max) || max > MAX_PAGE) {
    throw new ValidationException(`1 validation error detected: Value '${max}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to ${MAX_PAGE}`);
  }
  if (max < 0) {
    throw new ValidationException(`1 validation error detected: Value '${max}' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 0`);
  }
  return { offset: decodeToken(request.nextToken), limit: max === 0 ? DEFAULT_PAGE : max };
}

/** Fetches one row more than asked to know whether another page follows. */
export function paginate<T>(request: PageRequest, fetch: (offset: number, limit: number) => T[]): Page<T> {
  const { offset, limit } = pageBounds(request);
  const rows = fetch(offset, limit + 1);
  if (rows.length <= limit) return { items: rows };
  return { items: rows.slice(0, limit), nextToken: encodeOffsetToken(offset + limit) };
}

function decodeToken(token: string | undefined): number {
  if (token === undefined || token === '') return 0;
  const offset = decodeOffsetToken(token);
  if (offset === undefined) throw new SfnApiError('InvalidToken', `Invalid Token: '${token}'`);
  return offset;
}
