/**
 * One page of GetQueryResults: rows of `{Data: [{VarCharValue}]}` (NULL is a datum without a
 * value), a SELECT's header row counted as the first row, `MaxResults` up to 1,000.
 * @see https://docs.aws.amazon.com/athena/latest/APIReference/API_GetQueryResults.html
 */
import { decodeOffsetToken, encodeOffsetToken } from '../../paging';
import { invalidRequest } from './errors';
import type { StoredResult } from './result-files';

const MAX_RESULTS = 1000;

export function resultsPage(result: StoredResult, statementType: string, maxResults: unknown, nextToken: unknown): Record<string, unknown> {
  const size = maxResults === undefined ? MAX_RESULTS : Number(maxResults);
  if (!Number.isInteger(size) || size < 1 || size > MAX_RESULTS) {
    throw invalidRequest(`1 validation error detected: Value '${String(maxResults)}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to ${MAX_RESULTS}`);
  }
  const all = result.header ? [result.columns.map((c) => c.name), ...result.rows] : result.rows;
  const start = typeof nextToken === 'string' && nextToken !== '' ? decodeToken(nextToken, all.length) : 0;
  const page = all.slice(start, start + size);
  const next = start + page.length;
  return {
    ResultSet: {
      Rows: page.map((row) => ({ Data: row.map((value) => (value === null ? {} : { VarCharValue: value })) })),
      ResultSetMetadata: {
        ColumnInfo: result.columns.map((c) => ({
          CatalogName: 'hive',
          SchemaName: '',
          TableName: '',
          Name: c.name,
          Label: c.name,
          Type: c.type,
          Precision: c.precision,
          Scale: c.scale,
          Nullable: 'UNKNOWN',
          CaseSensitive: c.type === 'varchar' || c.type === 'string',
        })),
      },
    },
    ...(statementType === 'DML' ? { UpdateCount: 0 } : {}),
    ...(next < all.length ? { NextToken: encodeOffsetToken(next) } : {}),
  };
}

function decodeToken(token: string, total: number): number {
  const offset = decodeOffsetToken(token);
  if (offset === undefined || offset > total) throw invalidRequest('Invalid NextToken');
  return offset;
}
