/** Event buses: `default` always exists; custom buses are created and deleted through the API. */
import type { CreateEventBusResponse, EventBus as EventBusSummary } from '@aws-sdk/client-eventbridge';
import { busArn, DEFAULT_BUS, type Location } from './arns';
import type { EventsDb } from './database';
import { alreadyExists, busNotFound, validation } from './errors';
import { requireBusName } from './names';

interface BusRow {
  name: string;
  description: string | null;
  creation_time: number;
}

export class BusStore {
  constructor(
    private readonly db: EventsDb,
    private readonly location: Location,
    private readonly now: () => number,
  ) {}

  exists(name: string): boolean {
    return name === DEFAULT_BUS || this.db.prepare('SELECT 1 FROM event_buses WHERE name = ?').get(name) !== undefined;
  }

  /** @throws ResourceNotFoundException */
  require(name: string): void {
    if (!this.exists(name)) throw busNotFound(name);
  }

  create(nameValue: unknown, description?: string): CreateEventBusResponse {
    const name = requireBusName(nameValue);
    // Partner buses (`aws.partner/…`) need an event source this runtime does not have.
    if (name.startsWith('aws.')) throw validation(`Event source ${name} does not exist.`);
    if (this.exists(name)) throw alreadyExists('Event bus', name);
    this.db.prepare('INSERT INTO event_buses (name, description, creation_time) VALUES (?, ?, ?)').run(name, description ?? null, this.now());
    return { EventBusArn: busArn(this.location, name), ...(description !== undefined ? { Description: description } : {}) };
  }

  /** Deleting a bus that does not exist succeeds, as on AWS. */
  delete(name: string): void {
    if (name === DEFAULT_BUS) throw validation('Cannot delete event bus default.');
    this.db.prepare('DELETE FROM event_buses WHERE name = ?').run(name);
  }

  describe(name: string): EventBusSummary {
    if (name === DEFAULT_BUS) return { Name: DEFAULT_BUS, Arn: busArn(this.location, DEFAULT_BUS) };
    const row = this.db.prepare('SELECT * FROM event_buses WHERE name = ?').get(name) as BusRow | undefined;
    if (!row) throw busNotFound(name);
    return this.summary(row);
  }

  list(namePrefix = ''): EventBusSummary[] {
    const rows = this.db.prepare('SELECT * FROM event_buses ORDER BY name').all() as BusRow[];
    const all = [this.describe(DEFAULT_BUS), ...rows.map((row) => this.summary(row))];
    return all.filter((bus) => bus.Name!.startsWith(namePrefix));
  }

  private summary(row: BusRow): EventBusSummary {
    return {
      Name: row.name,
      Arn: busArn(this.location, row.name),
      ...(row.description !== null ? { Description: row.description } : {}),
      CreationTime: new Date(row.creation_time),
      LastModifiedTime: new Date(row.creation_time),
    };
  }
}
