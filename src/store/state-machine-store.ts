import type { Db } from './database';

export type StateMachineType = 'STANDARD' | 'EXPRESS';

export interface StateMachineRecord {
  arn: string;
  name: string;
  /** The definition exactly as the client sent it (AWS returns it verbatim). */
  definition: string;
  roleArn: string;
  type: StateMachineType;
  creationDate: number;
  updateDate: number;
  revision: number;
}

interface Row {
  arn: string;
  name: string;
  definition: string;
  role_arn: string;
  type: StateMachineType;
  creation_date: number;
  update_date: number;
  revision: number;
}

export class StateMachineStore {
  constructor(private readonly db: Db) {}

  get(arn: string): StateMachineRecord | undefined {
    const row = this.db.prepare('SELECT * FROM state_machines WHERE arn = ?').get(arn) as Row | undefined;
    return row && fromRow(row);
  }

  put(record: StateMachineRecord): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO state_machines (arn, name, definition, role_arn, type, creation_date, update_date, revision)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(record.arn, record.name, record.definition, record.roleArn, record.type, record.creationDate, record.updateDate, record.revision);
  }

  delete(arn: string): void {
    this.db.prepare('DELETE FROM state_machines WHERE arn = ?').run(arn);
  }

  /** Ordered by creation (then ARN), `offset` rows in; at most `limit`. */
  list(offset: number, limit: number): StateMachineRecord[] {
    const rows = this.db.prepare('SELECT * FROM state_machines ORDER BY creation_date, arn LIMIT ? OFFSET ?').all(limit, offset) as Row[];
    return rows.map(fromRow);
  }
}

function fromRow(row: Row): StateMachineRecord {
  return {
    arn: row.arn,
    name: row.name,
    definition: row.definition,
    roleArn: row.role_arn,
    type: row.type,
    creationDate: row.creation_date,
    updateDate: row.update_date,
    revision: row.revision,
  };
}
