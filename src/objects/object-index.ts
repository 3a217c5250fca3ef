import Database from 'better-sqlite3';
import { cacheStatements } from '../store/statement-cache';
import type { BucketInfo, ObjectMeta, PartInfo, UploadInfo } from './types';

/**
 * The metadata index: one SQLite file beside the blobs. Each object row names an immutable blob
 * file, so swapping a row is the atomic moment a new version becomes visible. Keys are TEXT with
 * BINARY collation, which compares UTF-8 bytes: exactly S3's listing order.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS buckets (
  name TEXT PRIMARY KEY, created INTEGER NOT NULL, eventbridge INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS objects (
  bucket TEXT NOT NULL, key TEXT NOT NULL, blob TEXT NOT NULL, size INTEGER NOT NULL,
  etag TEXT NOT NULL, content_type TEXT NOT NULL, user_meta TEXT NOT NULL, headers TEXT NOT NULL,
  modified INTEGER NOT NULL, PRIMARY KEY (bucket, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS uploads (
  upload_id TEXT PRIMARY KEY, bucket TEXT NOT NULL, key TEXT NOT NULL, initiated INTEGER NOT NULL,
  attributes TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS parts (
  upload_id TEXT NOT NULL, part_number INTEGER NOT NULL, blob TEXT NOT NULL, size INTEGER NOT NULL,
  etag TEXT NOT NULL, modified INTEGER NOT NULL, PRIMARY KEY (upload_id, part_number)
) WITHOUT ROWID;
`;

interface ObjectRow {
  bucket: string;
  key: string;
  blob: string;
  size: number;
  etag: string;
  content_type: string;
  user_meta: string;
  headers: string;
  modified: number;
}

/** An object's metadata plus the blob file holding its bytes. */
export interface IndexedObject extends ObjectMeta {
  blob: string;
}

export interface IndexedPart extends PartInfo {
  blob: string;
}

function toObject(row: ObjectRow): IndexedObject {
  return {
    bucket: row.bucket,
    key: row.key,
    blob: row.blob,
    size: row.size,
    etag: row.etag,
    contentType: row.content_type,
    userMetadata: JSON.parse(row.user_meta),
    headers: JSON.parse(row.headers),
    lastModified: new Date(row.modified),
  };
}

interface PartRow {
  part_number: number;
  blob: string;
  size: number;
  etag: string;
  modified: number;
}

function toPart(row: PartRow): IndexedPart {
  return {
    partNumber: row.part_number,
    blob: row.blob,
    size: row.size,
    etag: row.etag,
    lastModified: new Date(row.modified),
  };
}

export class ObjectIndex {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = cacheStatements(new Database(file));
    this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
  }

  close(): void {
    this.db.close();
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  // ── buckets ──────────────────────────────────────────────────────────────

  getBucket(name: string): (BucketInfo & { eventBridge: boolean }) | undefined {
    const row = this.db.prepare('SELECT * FROM buckets WHERE name = ?').get(name) as
      | { name: string; created: number; eventbridge: number }
      | undefined;
    return row && { name: row.name, creationDate: new Date(row.created), eventBridge: row.eventbridge === 1 };
  }

  listBuckets(): BucketInfo[] {
    const rows = this.db.prepare('SELECT name, created FROM buckets ORDER BY name').all() as {
      name: string;
      created: number;
    }[];
    return rows.map((row) => ({ name: row.name, creationDate: new Date(row.created) }));
  }

  insertBucket(name: string, created: Date): void {
    this.db.prepare('INSERT INTO buckets (name, created) VALUES (?, ?)').run(name, created.getTime());
  }

  deleteBucket(name: string): void {
    this.db.prepare('DELETE FROM buckets WHERE name = ?').run(name);
  }

  setEventBridge(name: string, enabled: boolean): void {
    this.db.prepare('UPDATE buckets SET eventbridge = ? WHERE name = ?').run(enabled ? 1 : 0, name);
  }

  hasObjects(bucket: string): boolean {
    return this.db.prepare('SELECT 1 FROM objects WHERE bucket = ? LIMIT 1').get(bucket) !== undefined;
  }

  // ── objects ──────────────────────────────────────────────────────────────

  getObject(bucket: string, key: string): IndexedObject | undefined {
    const row = this.db.prepare('SELECT * FROM objects WHERE bucket = ? AND key = ?').get(bucket, key) as
      | ObjectRow
      | undefined;
    return row && toObject(row);
  }

  putObject(object: IndexedObject): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO objects
         (bucket, key, blob, size, etag, content_type, user_meta, headers, modified)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        object.bucket,
        object.key,
        object.blob,
        object.size,
        object.etag,
        object.contentType,
        JSON.stringify(object.userMetadata),
        JSON.stringify(object.headers),
        object.lastModified.getTime(),
      );
  }

  deleteObject(bucket: string, key: string): void {
    this.db.prepare('DELETE FROM objects WHERE bucket = ? AND key = ?').run(bucket, key);
  }

  /** Objects with `from <= key` (and `key < below` when given), in key order. */
  /**
   * Like `scanObjects`, only what a reader of the bytes needs: no metadata to parse, which made
   * listing a lake table of thousands of daily objects the bulk of a query's time.
   */
  scanFiles(bucket: string, from: string, below: string | undefined, limit: number): Array<{ key: string; blob: string; size: number; etag: string }> {
    return (
      below === undefined
        ? this.db.prepare('SELECT key, blob, size, etag FROM objects WHERE bucket = ? AND key >= ? ORDER BY key LIMIT ?').all(bucket, from, limit)
        : this.db.prepare('SELECT key, blob, size, etag FROM objects WHERE bucket = ? AND key >= ? AND key < ? ORDER BY key LIMIT ?').all(bucket, from, below, limit)
    ) as Array<{ key: string; blob: string; size: number; etag: string }>;
  }

  scanObjects(bucket: string, from: string, below: string | undefined, limit: number): IndexedObject[] {
    const rows = (
      below === undefined
        ? this.db
            .prepare('SELECT * FROM objects WHERE bucket = ? AND key >= ? ORDER BY key LIMIT ?')
            .all(bucket, from, limit)
        : this.db
            .prepare('SELECT * FROM objects WHERE bucket = ? AND key >= ? AND key < ? ORDER BY key LIMIT ?')
            .all(bucket, from, below, limit)
    ) as ObjectRow[];
    return rows.map(toObject);
  }

  // ── multipart uploads ────────────────────────────────────────────────────

  insertUpload(upload: UploadInfo): void {
    this.db
      .prepare('INSERT INTO uploads (upload_id, bucket, key, initiated, attributes) VALUES (?, ?, ?, ?, ?)')
      .run(upload.uploadId, upload.bucket, upload.key, upload.initiated.getTime(), JSON.stringify(upload.attributes));
  }

  getUpload(uploadId: string): UploadInfo | undefined {
    const row = this.db.prepare('SELECT * FROM uploads WHERE upload_id = ?').get(uploadId) as
      | { upload_id: string; bucket: string; key: string; initiated: number; attributes: string }
      | undefined;
    return (
      row && {
        uploadId: row.upload_id,
        bucket: row.bucket,
        key: row.key,
        initiated: new Date(row.initiated),
        attributes: JSON.parse(row.attributes),
      }
    );
  }

  uploadIdsOf(bucket: string): string[] {
    const rows = this.db.prepare('SELECT upload_id FROM uploads WHERE bucket = ?').all(bucket) as {
      upload_id: string;
    }[];
    return rows.map((row) => row.upload_id);
  }

  deleteUpload(uploadId: string): void {
    this.db.prepare('DELETE FROM parts WHERE upload_id = ?').run(uploadId);
    this.db.prepare('DELETE FROM uploads WHERE upload_id = ?').run(uploadId);
  }

  /** Records a part; returns the blob of the part it replaced, if any. */
  putPart(uploadId: string, part: IndexedPart): string | undefined {
    const previous = this.getPart(uploadId, part.partNumber);
    this.db
      .prepare(
        `INSERT OR REPLACE INTO parts (upload_id, part_number, blob, size, etag, modified)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(uploadId, part.partNumber, part.blob, part.size, part.etag, part.lastModified.getTime());
    return previous?.blob;
  }

  getPart(uploadId: string, partNumber: number): IndexedPart | undefined {
    const row = this.db
      .prepare('SELECT * FROM parts WHERE upload_id = ? AND part_number = ?')
      .get(uploadId, partNumber) as PartRow | undefined;
    return row && toPart(row);
  }

  listParts(uploadId: string): IndexedPart[] {
    const rows = this.db
      .prepare('SELECT * FROM parts WHERE upload_id = ? ORDER BY part_number')
      .all(uploadId) as PartRow[];
    return rows.map(toPart);
  }

  /** Every blob a row refers to; anything else on disk is debris of an interrupted write. */
  referencedBlobs(): Set<string> {
    const rows = this.db
      .prepare('SELECT blob FROM objects UNION ALL SELECT blob FROM parts')
      .all() as { blob: string }[];
    return new Set(rows.map((row) => row.blob));
  }
}
