/**
 * What the `statecraft brand` commands share: the server's objects and model registry through the
 * SDK, the model a `--model NAME[@VERSION]` names, uploads, and a failed run as one line.
 */
import { isDetectorKind } from '../lib/detector/kind';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { randomUUID } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { CommandUsageError, type CommandContext, type ExecutionOutcome } from '../../../src/builder';
import type { ModelVersion, ObjectRef, ObjectService } from '../../../src/services';
import { S3ObjectService } from '../../../src/services/aws/s3-objects';
import { ObjectStoreModelRegistry } from '../../../src/services/model-registry';
import { DATA_BUCKET } from '../../data-bucket';

export interface ServerAccess {
  objects: ObjectService;
  models: ObjectStoreModelRegistry;
}

export function serverAccess(context: CommandContext): ServerAccess {
  const objects = new S3ObjectService(context.client(S3Client));
  return { objects, models: new ObjectStoreModelRegistry(objects, context.registry.modelRegistry, { now: () => new Date() }) };
}

/** A model the registry does not have (the name Rekognition gives a missing project version). */
export class ModelNotFound extends Error {
  override readonly name = 'ResourceNotFoundException';
}

/** The run ended in anything but success: its error and cause, and where to read its history. */
export class RunFailed extends Error {
  override readonly name = 'RunFailed';

  constructor(workflow: string, outcome: ExecutionOutcome) {
    super(`${workflow} ${outcome.status}${outcome.error ? `: ${outcome.error}` : ''}${outcome.cause ? ` — ${outcome.cause}` : ''}\n  (statecraft history ${outcome.executionArn})`);
  }
}

export function requireSuccess<T>(workflow: string, outcome: ExecutionOutcome): T {
  if (outcome.status !== 'SUCCEEDED') throw new RunFailed(workflow, outcome);
  return outcome.output as T;
}

/** `NAME` or `NAME@VERSION` (`3` or `v3`). */
export function parseModelArgument(value: string | undefined): { name: string; version?: number } {
  if (!value) throw new CommandUsageError('--model NAME[@VERSION] is required');
  const match = /^([A-Za-z0-9][A-Za-z0-9_.-]*)(?:@v?([1-9]\d*))?$/.exec(value);
  if (!match) throw new CommandUsageError(`--model must be NAME or NAME@VERSION (e.g. flickr@3), not '${value}'`);
  return { name: match[1]!, ...(match[2] && { version: Number(match[2]) }) };
}

/**
 * The version asked for; without one, the latest approved version, or — none being approved yet, as
 * right after `statecraft brand train` — the latest version not rejected, said on stderr.
 */
export async function resolveModel(context: CommandContext, models: ObjectStoreModelRegistry, choice: { name: string; version?: number }): Promise<ModelVersion> {
  const versions = (await models.list(choice.name)).filter((v) => isDetectorKind(v.kind));
  if (choice.version !== undefined) {
    const found = versions.find((v) => v.version === choice.version);
    if (!found) throw new ModelNotFound(`the model registry has no logo-detector ${choice.name} version ${choice.version} (it has ${describeVersions(versions)})`);
    return found;
  }
  const approved = [...versions].reverse().find((v) => v.status === 'Approved');
  if (approved) return approved;
  const latest = [...versions].reverse().find((v) => v.status !== 'Rejected');
  if (!latest) throw new ModelNotFound(`the model registry has no logo-detector named ${choice.name} that is not rejected (train one with statecraft brand train)`);
  context.progress(`no approved version of ${choice.name}: using v${latest.version} (${latest.status})`);
  return latest;
}

function describeVersions(versions: readonly ModelVersion[]): string {
  return versions.length ? versions.map((v) => `v${v.version}`).join(', ') : 'none';
}

/** A fresh folder for one command's uploads, outside the prefixes whose uploads start workflows. */
export function commandFolder(kind: string): string {
  return `brand/commands/${kind}/${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}/`;
}

/** Uploads files (multipart when large), a few at a time, telling progress in tenths. */
export async function uploadFiles(context: CommandContext, objects: ObjectService, files: ReadonlyArray<{ path: string; key: string }>, what: string): Promise<ObjectRef[]> {
  const refs = files.map((file) => ({ bucket: DATA_BUCKET, key: file.key }));
  let next = 0;
  let done = 0;
  const step = Math.max(1, Math.floor(files.length / 10));
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      await objects.put(refs[index]!, createReadStream(files[index]!.path));
      done++;
      if (files.length > 1 && (done % step === 0 || done === files.length)) context.progress(`  uploaded ${done}/${files.length} ${what}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, files.length) }, worker));
  if (files.length === 1) context.progress(`uploaded ${basename(files[0]!.path)} to s3://${refs[0]!.bucket}/${refs[0]!.key}`);
  return refs;
}

export const percent = (share: number) => `${(100 * share).toFixed(1)}%`;

/** Columns padded to their widest cell, two spaces apart. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  return [header, ...rows].map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n') + '\n';
}
