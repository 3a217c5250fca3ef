/**
 * Compaction behind the same table: thousands of tiny partition files (a day of hourly rows each)
 * cost DuckDB more to open than to read, so the lake copies many small partitions into one Parquet
 * object under the table's `_lake_compacted/` prefix (hidden from Athena, from MSCK REPAIR and from
 * the table's own listing, as every `_` path is) with the partition values as extra columns. The
 * partitioning contract does not change: partitions, their locations and their files stay as they
 * are, and a partition is read from the compacted copy only while its files are exactly those the
 * copy was made from (same keys, same ETags); any change sends reads back to its files. A query
 * reads the copies under a lease: a copy that a new compaction replaces while a query reads it is
 * deleted when the last such query is done, not under it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ObjectStore } from '../objects';
import type { LakeDb } from './database';
import type { DataCatalog } from './glue/catalog';
import type { StoredTable } from './glue/types';
import { TableFiles, parseS3Location, s3Uri, type DataFile } from './locations';
import { openLockedSession } from './sql/duckdb-session';
import { textTable } from './sql/scratch-table';
import { duckTypeOf, quoteIdent, quoteString } from './sql/types';

export const COMPACTED_PREFIX = '_lake_compacted/';
/** The compacted copy's column holding partition key `i`'s value, as text. */
export const keyColumn = (i: number): string => `__lake_key_${i}`;

/** Tables with at least this many small files read by one query get compacted in the background. */
export const COMPACTION_MIN_FILES = 64;
const SMALL_FILE_BYTES = 4 * 1024 * 1024;
const TARGET_BYTES = 128 * 1024 * 1024;

export interface CompactedFile {
  file: DataFile;
  /** Values key (JSON of the values) → fingerprint of the files it was made from. */
  partitions: Map<string, string>;
}

export function fingerprint(files: readonly DataFile[]): string {
  return files.map((f) => `${f.key}\u0000${f.etag}`).join('\u0001');
}

/** Changes whenever a column or key is added, removed or retyped, so an older copy is never read. */
export function tableSignature(table: StoredTable): string {
  return JSON.stringify([(table.StorageDescriptor?.Columns ?? []).map((c) => [c.Name.toLowerCase(), c.Type]), (table.PartitionKeys ?? []).map((c) => [c.Name.toLowerCase(), c.Type])]);
}

/** The copies a query reads, held until `release`. */
export interface CopiesLease {
  copies: CompactedFile[];
  release(): void;
}

export class Compactor {
  private readonly pending = new Map<string, Promise<void>>();
  private closed = false;
  /** Copy URI → how many queries read it now. */
  private readonly readers = new Map<string, number>();
  /** Replaced copies that queries still read, by URI: deleted when the last of them is done. */
  private readonly retired = new Map<string, { bucket: string; key: string }>();

  constructor(
    private readonly db: LakeDb,
    private readonly catalog: DataCatalog,
    private readonly objects: ObjectStore,
  ) {}

  /** The table's compacted copies that still match its columns. */
  copiesOf(table: StoredTable): CompactedFile[] {
    const rows = this.db.prepare('SELECT bucket, key, signature, partitions FROM compactions WHERE database = ? AND table_name = ?').all(table.DatabaseName, table.Name) as { bucket: string; key: string; signature: string; partitions: string }[];
    const signature = tableSignature(table);
    return rows.flatMap((row) => {
      if (row.signature !== signature) return [];
      const [file] = this.objects.listFiles(row.bucket, row.key).filter((f) => f.key === row.key);
      if (!file) return [];
      return [{ file: { ...file, uri: s3Uri(row.bucket, row.key) }, partitions: new Map(JSON.parse(row.partitions) as [string, string][]) }];
    });
  }

  /** The table's copies, kept from deletion until the lease is released: what a query reads. */
  lease(table: StoredTable): CopiesLease {
    const copies = this.copiesOf(table);
    const uris = copies.map((c) => c.file.uri);
    for (const uri of uris) this.readers.set(uri, (this.readers.get(uri) ?? 0) + 1);
    let released = false;
    return {
      copies,
      release: () => {
        if (released) return;
        released = true;
        for (const uri of uris) {
          const left = this.readers.get(uri)! - 1;
          if (left > 0) {
            this.readers.set(uri, left);
            continue;
          }
          this.readers.delete(uri);
          const retired = this.retired.get(uri);
          if (retired) {
            this.retired.delete(uri);
            void this.objects.deleteObject(retired.bucket, retired.key).catch(() => undefined);
          }
        }
      },
    };
  }

  /** Compacts the table in the background, once at a time per table. */
  schedule(table: StoredTable): void {
    const id = `${table.DatabaseName}.${table.Name}`;
    if (this.closed || this.pending.has(id)) return;
    const run = this.compact(table)
      .then(() => undefined)
      .catch(() => undefined) // best effort: reads fall back to the partitions' files
      .finally(() => this.pending.delete(id));
    this.pending.set(id, run);
  }

  /** Resolves when no compaction is running. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending.values());
  }

  close(): void {
    this.closed = true;
  }

  /** Copies the table's small partitions into compacted objects; returns how many partitions they hold. */
  async compact(table: StoredTable): Promise<number> {
    const root = parseS3Location(table.StorageDescriptor?.Location ?? '');
    const keys = table.PartitionKeys ?? [];
    if (!root || keys.length === 0) return 0;
    const listing = new TableFiles(this.objects, table.StorageDescriptor!.Location!);
    const small = this.catalog
      .partitions(table)
      .map((p) => ({ values: p.Values, files: listing.filesOf(p.StorageDescriptor?.Location ?? '', 'partition') }))
      .filter((p) => p.files.length > 0 && p.files.every((f) => f.size < SMALL_FILE_BYTES));
    if (small.length < 2) return 0;
    // Rewriting everything for each day appended would be wasteful: wait until enough partitions are outside every copy.
    const copies = this.copiesOf(table);
    const outside = small.filter((p) => !copies.some((c) => c.partitions.get(JSON.stringify(p.values)) === fingerprint(p.files)));
    if (copies.length > 0 && outside.length < COMPACTION_MIN_FILES) return 0;
    const chunks: (typeof small)[] = [[]];
    let bytes = 0;
    for (const partition of small) {
      const size = partition.files.reduce((sum, f) => sum + f.size, 0);
      if (bytes + size > TARGET_BYTES && chunks.at(-1)!.length > 0) {
        chunks.push([]);
        bytes = 0;
      }
      chunks.at(-1)!.push(partition);
      bytes += size;
    }
    const written: { key: string; partitions: [string, string][] }[] = [];
    for (const chunk of chunks) {
      if (this.closed) return 0;
      const key = `${root.prefix}${COMPACTED_PREFIX}${randomUUID()}.parquet`;
      await this.objects.putObject(root.bucket, key, Readable.from([await this.copy(table, chunk)]), { contentType: 'application/vnd.apache.parquet' });
      written.push({ key, partitions: chunk.map((p) => [JSON.stringify(p.values), fingerprint(p.files)]) });
    }
    const previous = this.db.transaction(() => {
      const old = this.db.prepare('SELECT bucket, key FROM compactions WHERE database = ? AND table_name = ?').all(table.DatabaseName, table.Name) as { bucket: string; key: string }[];
      this.db.prepare('DELETE FROM compactions WHERE database = ? AND table_name = ?').run(table.DatabaseName, table.Name);
      const insert = this.db.prepare('INSERT INTO compactions (database, table_name, bucket, key, signature, partitions) VALUES (?, ?, ?, ?, ?, ?)');
      for (const w of written) insert.run(table.DatabaseName, table.Name, root.bucket, w.key, tableSignature(table), JSON.stringify(w.partitions));
      return old;
    })();
    // The replaced copies go, and with them any copy under the table that nothing references (one a
    // stopped server left while queries read it); a copy a query reads goes when the query is done.
    // Tables may share a location: a copy any table references stays.
    const referenced = this.db.prepare('SELECT bucket, key FROM compactions').all() as { bucket: string; key: string }[];
    const kept = new Set(referenced.map((copy) => s3Uri(copy.bucket, copy.key)));
    const listed = this.objects.listFiles(root.bucket, `${root.prefix}${COMPACTED_PREFIX}`).map((f) => ({ bucket: root.bucket, key: f.key }));
    const stale = new Map([...previous, ...listed].map((copy) => [s3Uri(copy.bucket, copy.key), copy]));
    for (const [uri, old] of stale) {
      if (kept.has(uri) || this.retired.has(uri)) continue;
      if (this.readers.has(uri)) this.retired.set(uri, old);
      else await this.objects.deleteObject(old.bucket, old.key).catch(() => undefined);
    }
    return small.length;
  }

  /** One compacted Parquet file's bytes: the chunk's rows with their partition values as text columns. */
  private async copy(table: StoredTable, chunk: { values: string[]; files: DataFile[] }[]): Promise<Buffer> {
    const work = mkdtempSync(join(tmpdir(), 'statecraft-compaction-'));
    const session = await openLockedSession({ allowedDirectory: this.objects.filesDirectory, workDirectory: work, schemas: [] });
    try {
      const { connection } = session;
      const keys = table.PartitionKeys ?? [];
      const pairs = chunk.flatMap((p) => p.files.map((f) => [f.path, ...keys.map((_, i) => p.values[i] ?? '')]));
      const map = await textTable(connection, 'files', ['__lake_file', ...keys.map((_, i) => keyColumn(i))], pairs);
      const columns = (table.StorageDescriptor?.Columns ?? []).map((c) => `CAST(d.${quoteIdent(c.Name.toLowerCase())} AS ${duckTypeOf(c.Type ?? '') ?? 'VARCHAR'}) AS ${quoteIdent(c.Name.toLowerCase())}`);
      const keyColumns = keys.map((_, i) => `f.${keyColumn(i)}`);
      const paths = chunk.flatMap((p) => p.files.map((f) => quoteString(f.path)));
      const target = join(work, 'compacted.parquet');
      await connection.run(
        `COPY (SELECT ${[...columns, ...keyColumns].join(', ')} FROM read_parquet([${paths.join(', ')}], binary_as_string = true, filename = '__lake_file') d JOIN ${map} f ON d.__lake_file = f.__lake_file) TO ${quoteString(target)} (FORMAT PARQUET)`,
      );
      return readFileSync(target);
    } finally {
      session.close();
      rmSync(work, { recursive: true, force: true });
    }
  }
}
