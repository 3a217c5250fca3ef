/**
 * `statecraft models`: the model registry of a running server, read and decided through its S3 API
 * with the same registry code the workflows use.
 *   statecraft models [list] [<model>]              every version, oldest first
 *   statecraft models show <model> <version>        one version's whole record (JSON)
 *   statecraft models approve|reject <model> <version> [--reason TEXT]
 */
import { parseArgs } from 'node:util';
import { S3Client } from '@aws-sdk/client-s3';
import type { WorkflowRegistry } from '../builder/workflow-package';
import { S3ObjectService } from '../services/aws/s3-objects';
import { ObjectStoreModelRegistry } from '../services/model-registry';
import type { ModelVersion } from '../services/models';
import { UsageError } from './args';
import { localClientConfig } from './endpoint';

const USAGE = 'usage: statecraft models [list [<model>] | show <model> <version> | approve <model> <version> | reject <model> <version>] [--reason TEXT] [--endpoint URL]';

export async function modelsCommand(argv: string[], { modelRegistry }: WorkflowRegistry): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { endpoint: { type: 'string' }, reason: { type: 'string' } } });
  const [action = 'list', ...rest] = positionals;
  const s3 = new S3Client({ ...localClientConfig(values.endpoint), forcePathStyle: true });
  const registry = new ObjectStoreModelRegistry(new S3ObjectService(s3), modelRegistry, { now: () => new Date() });
  try {
    switch (action) {
      case 'list':
        if (rest.length > 1) throw new UsageError(USAGE);
        process.stdout.write(formatVersions(await registry.list(rest[0])));
        return 0;
      case 'show':
        process.stdout.write(JSON.stringify(await registry.get(...modelVersion(rest)), null, 2) + '\n');
        return 0;
      case 'approve':
      case 'reject': {
        const decided = await registry[action](...modelVersion(rest), values.reason);
        process.stdout.write(`${decided.modelName} v${decided.version}: ${decided.status}\n`);
        return 0;
      }
      default:
        throw new UsageError(USAGE);
    }
  } finally {
    s3.destroy();
  }
}

function modelVersion(args: string[]): [string, number] {
  const [model, version] = args;
  // The version as the table prints it (v3) or as a number (3).
  const digits = /^v?([1-9]\d*)$/.exec(version ?? '');
  if (args.length !== 2 || !digits) throw new UsageError(USAGE);
  return [model!, Number(digits[1])];
}

export function formatVersions(versions: readonly ModelVersion[]): string {
  if (versions.length === 0) return 'no models registered\n';
  const rows = versions.map((v) => [
    v.modelName,
    `v${v.version}`,
    v.status,
    v.kind,
    formatMetrics(v.metrics),
    Object.entries(v.hyperparameters).map(([name, value]) => `${name}=${formatValue(value)}`).join(' '),
    v.createdAt,
    v.executionArn,
  ]);
  const header = ['MODEL', 'VERSION', 'STATUS', 'KIND', 'METRICS', 'HYPERPARAMETERS', 'CREATED', 'EXECUTION'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  return [header, ...rows].map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
}

/** Structured hyperparameters (an energy model's windows and band) as JSON, not `[object Object]`. */
function formatValue(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/** Scalar metrics, four decimals; lists (per fold, per hour) are left to `show`. */
function formatMetrics(metrics: ModelVersion['metrics']): string {
  return Object.entries(metrics)
    .flatMap(([name, value]) => (typeof value === 'number' ? [`${name}=${Number.isInteger(value) ? value : value.toFixed(4)}`] : []))
    .join(' ');
}
