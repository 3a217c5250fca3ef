/** A local runtime in a temporary directory, with Iris uploaded, for the kfold-cv workflow tests. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Json } from '../../../src/asl/json';
import { createLocalRuntime, type LocalRuntime } from '../../../src/host';
import { DATA_BUCKET } from '../../../workflows/data-bucket';
import { registry } from '../../../workflows/registry';

export const IRIS_DIR = join(__dirname, '../../../../shared/data/iris');
export const irisCsv = () => readFileSync(join(IRIS_DIR, 'iris.csv'), 'utf8');

export interface SklearnCase {
  scores: number[];
  mean: number;
  std: number;
}
export const sklearnReference = () => JSON.parse(readFileSync(join(IRIS_DIR, 'sklearn-svc-cv-reference.json'), 'utf8')) as Record<string, unknown>;

export interface KfoldFixture {
  runtime: LocalRuntime;
  published: Json[];
  upload(key: string, text: string): Promise<void>;
  close(): Promise<void>;
}

export async function openKfoldFixture(): Promise<KfoldFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'statecraft-kfold-'));
  const published: Json[] = [];
  const runtime = await createLocalRuntime({
    registry,
    objectsDir: dir,
    workers: 2,
    events: {
      putEvents: async (entries) => {
        published.push(...entries);
        return { Entries: entries.map((_, i) => ({ EventId: `event-${published.length + i}` })), FailedEntryCount: 0 };
      },
    },
  });
  return {
    runtime,
    published,
    upload: async (key, text) => {
      await runtime.objects.putObject(DATA_BUCKET, key, Readable.from([Buffer.from(text)]), { contentType: 'text/csv' });
    },
    close: async () => {
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
