/**
 * Schedule groups and their tags. The `default` group always exists (stored on the database's first
 * open): it can be read, listed and tagged, but neither created nor deleted.
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-group.html
 */
import type { GetScheduleGroupOutput, ScheduleGroupSummary, Tag } from '@aws-sdk/client-scheduler';
import { DEFAULT_GROUP, groupArn, type Location } from './arns';
import type { SchedulerDb } from './database';
import { constraintViolation, defaultGroupOperation, groupExists, groupNotFound } from './errors';
import { requireName } from './names';

interface GroupRow {
  name: string;
  creation_date: number;
  last_modification_date: number;
}

export class GroupStore {
  constructor(
    private readonly db: SchedulerDb,
    private readonly location: Location,
    nowMs: number,
  ) {
    db.prepare('INSERT OR IGNORE INTO schedule_groups (name, creation_date, last_modification_date) VALUES (?, ?, ?)').run(DEFAULT_GROUP, nowMs, nowMs);
  }

  create(name: unknown, tags: unknown, nowMs: number): string {
    const group = requireName(name, 'name');
    if (group === DEFAULT_GROUP) throw defaultGroupOperation();
    const checkedTags = checkTags(tags);
    if (this.exists(group)) throw groupExists(group);
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO schedule_groups (name, creation_date, last_modification_date) VALUES (?, ?, ?)').run(group, nowMs, nowMs);
      this.putTags(group, checkedTags);
    })();
    return groupArn(this.location, group);
  }

  exists(name: string): boolean {
    return this.db.prepare('SELECT 1 FROM schedule_groups WHERE name = ?').get(name) !== undefined;
  }

  /** @throws ResourceNotFoundException */
  require(name: string): void {
    if (!this.exists(name)) throw groupNotFound(name);
  }

  get(name: unknown): GetScheduleGroupOutput {
    const group = requireName(name, 'name');
    const row = this.db.prepare('SELECT * FROM schedule_groups WHERE name = ?').get(group) as GroupRow | undefined;
    if (!row) throw groupNotFound(group);
    return this.summary(row);
  }

  /** Deletes a user group; its schedules go with it (the caller removes them). */
  delete(name: unknown): string {
    const group = requireName(name, 'name');
    if (group === DEFAULT_GROUP) throw defaultGroupOperation();
    if (!this.exists(group)) throw groupNotFound(group);
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM schedule_groups WHERE name = ?').run(group);
      this.db.prepare('DELETE FROM group_tags WHERE group_name = ?').run(group);
    })();
    return group;
  }

  /** Every group whose name starts with the prefix, by name. */
  list(namePrefix = ''): ScheduleGroupSummary[] {
    const rows = this.db.prepare('SELECT * FROM schedule_groups ORDER BY name').all() as GroupRow[];
    return rows.filter((row) => row.name.startsWith(namePrefix)).map((row) => this.summary(row));
  }

  tags(name: string): Tag[] {
    const rows = this.db.prepare('SELECT key, value FROM group_tags WHERE group_name = ? ORDER BY key').all(name) as { key: string; value: string }[];
    return rows.map((row) => ({ Key: row.key, Value: row.value }));
  }

  tag(name: string, tags: unknown): void {
    const checked = checkTags(tags, true);
    this.db.transaction(() => this.putTags(name, checked))();
  }

  untag(name: string, keys: readonly string[]): void {
    const remove = this.db.prepare('DELETE FROM group_tags WHERE group_name = ? AND key = ?');
    this.db.transaction(() => keys.forEach((key) => remove.run(name, key)))();
  }

  private putTags(name: string, tags: Tag[]): void {
    const upsert = this.db.prepare('INSERT INTO group_tags (group_name, key, value) VALUES (?, ?, ?) ON CONFLICT (group_name, key) DO UPDATE SET value = excluded.value');
    for (const tag of tags) upsert.run(name, tag.Key, tag.Value);
  }

  private summary(row: GroupRow): ScheduleGroupSummary {
    return {
      Arn: groupArn(this.location, row.name),
      Name: row.name,
      State: 'ACTIVE',
      CreationDate: new Date(row.creation_date),
      LastModificationDate: new Date(row.last_modification_date),
    };
  }
}

/** 0–200 tags (at least one for TagResource), keys 1–128 and values 0–256 characters. */
function checkTags(tags: unknown, required = false): Tag[] {
  if (tags === undefined || tags === null) {
    if (required) throw constraintViolation(tags, 'tags', 'Member must not be null');
    return [];
  }
  if (!Array.isArray(tags) || tags.length > 200 || (required && tags.length === 0)) {
    throw constraintViolation(tags, 'tags', 'Member must have length between 1 and 200');
  }
  return tags.map((tag: Tag, index) => {
    const key = tag?.Key;
    const value = tag?.Value;
    if (typeof key !== 'string' || key.length < 1 || key.length > 128) throw constraintViolation(key, `tags.${index + 1}.member.key`, 'Member must have length between 1 and 128');
    if (typeof value !== 'string' || value.length > 256) throw constraintViolation(value, `tags.${index + 1}.member.value`, 'Member must have length between 0 and 256');
    return { Key: key, Value: value };
  });
}
