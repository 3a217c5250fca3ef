/** What a statement produced, before it is written to the output location. */
export interface ResultColumn {
  name: string;
  /** Athena's type name (`varchar`, `double`, …). */
  type: string;
  precision: number;
  scale: number;
}

export interface StatementResult {
  statementType: 'DDL' | 'DML' | 'UTILITY';
  columns: ResultColumn[];
  /** Every value as text, SQL NULL as null. */
  rows: (string | null)[][];
  /** A SELECT's first result row repeats the column names; DDL output has none. */
  header: boolean;
  dataScannedBytes: number;
}

export function textColumn(name: string): ResultColumn {
  return { name, type: 'string', precision: 0, scale: 0 };
}

export function ddlResult(rows: string[] = [], column = 'result'): StatementResult {
  return { statementType: 'DDL', columns: rows.length > 0 ? [textColumn(column)] : [], rows: rows.map((row) => [row]), header: false, dataScannedBytes: 0 };
}
