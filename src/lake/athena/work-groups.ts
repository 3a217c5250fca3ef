/**
 * Athena work groups in `lake.db`. `primary` always exists, as on AWS; a work group's result
 * configuration gives queries their output location when the request names none (or always, when
 * the work group enforces its configuration).
 * @see https://docs.aws.amazon.com/athena/latest/APIReference/API_WorkGroup.html
 */
import type { LakeDb } from '../database';
import { invalidRequest, workGroupNotFound } from './errors';

export interface WorkGroupConfiguration {
  ResultConfiguration?: { OutputLocation?: string; [member: string]: unknown };
  EnforceWorkGroupConfiguration?: boolean;
  [member: string]: unknown;
}

export interface StoredWorkGroup {
  Name: string;
  State: 'ENABLED' | 'DISABLED';
  Description?: string;
  Configuration: WorkGroupConfiguration;
  CreationTime: number;
}

const ENGINE_VERSION = { SelectedEngineVersion: 'AUTO', EffectiveEngineVersion: 'Athena engine version 3' };
const NAME = /^[a-zA-Z0-9._-]{1,128}$/;

export class WorkGroups {
  constructor(
    private readonly db: LakeDb,
    private readonly now: () => number = Date.now,
  ) {
    if (!this.find('primary')) this.put({ Name: 'primary', State: 'ENABLED', Configuration: { EnforceWorkGroupConfiguration: false }, CreationTime: this.now() });
  }

  get(name: string): StoredWorkGroup {
    const found = this.find(name);
    if (!found) throw workGroupNotFound(name);
    return found;
  }

  create(request: Record<string, unknown>): Record<string, never> {
    const name = request.Name;
    if (typeof name !== 'string' || !NAME.test(name)) throw invalidRequest(`1 validation error detected: Value '${String(name)}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9._-]{1,128}`);
    if (this.find(name)) throw invalidRequest('WorkGroup is already created', 'ALREADY_EXISTS');
    const configuration = (request.Configuration ?? {}) as WorkGroupConfiguration;
    this.put({ Name: name, State: 'ENABLED', Configuration: configuration, CreationTime: this.now(), ...(typeof request.Description === 'string' ? { Description: request.Description } : {}) });
    return {};
  }

  delete(request: Record<string, unknown>): Record<string, never> {
    const name = String(request.WorkGroup ?? '');
    if (name === 'primary') throw invalidRequest('Cannot delete the primary workgroup');
    this.get(name);
    this.db.prepare('DELETE FROM athena_work_groups WHERE name = ?').run(name);
    return {};
  }

  describe(request: Record<string, unknown>): { WorkGroup: Record<string, unknown> } {
    const group = this.get(String(request.WorkGroup ?? ''));
    return { WorkGroup: { ...group, CreationTime: new Date(group.CreationTime), Configuration: { EnforceWorkGroupConfiguration: false, PublishCloudWatchMetricsEnabled: false, RequesterPaysEnabled: false, EngineVersion: ENGINE_VERSION, ...group.Configuration } } };
  }

  list(): { WorkGroups: Record<string, unknown>[] } {
    const rows = this.db.prepare('SELECT body FROM athena_work_groups ORDER BY name').all() as { body: string }[];
    return {
      WorkGroups: rows.map((row) => {
        const group = JSON.parse(row.body) as StoredWorkGroup;
        return { Name: group.Name, State: group.State, CreationTime: new Date(group.CreationTime), EngineVersion: ENGINE_VERSION, ...(group.Description ? { Description: group.Description } : {}) };
      }),
    };
  }

  private find(name: string): StoredWorkGroup | undefined {
    const row = this.db.prepare('SELECT body FROM athena_work_groups WHERE name = ?').get(name) as { body: string } | undefined;
    return row ? JSON.parse(row.body) : undefined;
  }

  private put(group: StoredWorkGroup): void {
    this.db.prepare('INSERT OR REPLACE INTO athena_work_groups (name, body) VALUES (?, ?)').run(group.Name, JSON.stringify(group));
  }
}

export const EFFECTIVE_ENGINE_VERSION = ENGINE_VERSION;
