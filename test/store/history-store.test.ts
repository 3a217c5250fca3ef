import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredEvent } from '../../src/interpreter/history/events';
import { SqliteHistorySink, openDatabase } from '../../src/store';

const ARN = 'arn:aws:states:us-east-1:000000000000:execution:m:e';

function event(id: number, key = `/${id}:e`): StoredEvent {
  return { id, key, type: 'PassStateEntered', timestamp: 1000 + id, previousEventId: id - 1, details: { name: `S${id}` }, meta: { next: 'X' } };
}

/** Events on disk: the segments' arrays, counted without flushing the sink's buffer. */
function rowCount(db: ReturnType<typeof openDatabase>): number {
  const rows = db.prepare('SELECT events FROM history_segments').all() as { events: string }[];
  return rows.reduce((n, row) => n + (JSON.parse(row.events) as unknown[]).length, 0);
}

describe('SqliteHistorySink', () => {
  test('buffers appends and writes them at the end of the tick', async () => {
    const db = openDatabase();
    const sink = new SqliteHistorySink(db);
    sink.append(ARN, event(1));
    sink.append(ARN, event(2));
    expect(rowCount(db)).toBe(0);
    await new Promise((r) => setImmediate(r));
    expect(rowCount(db)).toBe(2);
  });

  test('writes at once when 2000 events are buffered', () => {
    const db = openDatabase();
    const sink = new SqliteHistorySink(db);
    for (let i = 1; i <= 2000; i++) sink.append(ARN, event(i));
    expect(rowCount(db)).toBe(2000);
  });

  test('load returns events in id order with details and meta, across a reopen of the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'statecraft-store-'));
    const db = openDatabase(dir);
    const sink = new SqliteHistorySink(db);
    sink.append(ARN, event(2));
    sink.append(ARN, event(1));
    sink.flush();
    db.close();
    const reopened = new SqliteHistorySink(openDatabase(dir));
    expect(reopened.load(ARN)).toEqual([event(1), event(2)]);
    expect(reopened.load('other')).toEqual([]);
  });

  test('one execution\'s batch is one segment row; histories of executions stay apart', () => {
    const db = openDatabase();
    const sink = new SqliteHistorySink(db);
    for (let i = 1; i <= 3; i++) sink.append(ARN, event(i));
    sink.append('other', event(1));
    sink.flush();
    expect((db.prepare('SELECT COUNT(*) AS n FROM history_segments').get() as { n: number }).n).toBe(2);
    expect(sink.load(ARN).map((e) => e.id)).toEqual([1, 2, 3]);
    expect(sink.load('other').map((e) => e.id)).toEqual([1]);
  });

  test('after close, appends are dropped', () => {
    const db = openDatabase();
    const sink = new SqliteHistorySink(db);
    sink.append(ARN, event(1));
    sink.close();
    sink.append(ARN, event(2));
    sink.flush();
    expect(rowCount(db)).toBe(1);
  });

  test('the file database uses WAL', () => {
    const db = openDatabase(mkdtempSync(join(tmpdir(), 'statecraft-store-')));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
  });
});
