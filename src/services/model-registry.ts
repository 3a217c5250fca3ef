/**
 * The model registry kept in the object store: one JSON document per version at
 * `<prefix><model>/v<000001>.json`. Versions are allocated one at a time per process, which
 * is what the embedded runtime needs; on AWS another implementation of the same interface applies.
 */
import { assertPayload } from '../schemas';
import { ModelVersion, type ApprovalStatus, type ModelRegistryLocation, type ModelRegistryService, type ModelVersionRequest } from './models';
import { ModelRegistryError } from './errors';
import type { ObjectService } from './objects';
import type { TaskClock } from './services';

const VERSION_FILE = /\/v(\d{6})\.json$/;

export class ObjectStoreModelRegistry implements ModelRegistryService {
  /** Serialises writes so that two concurrent registrations never take the same version number. */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly objects: ObjectService,
    private readonly location: ModelRegistryLocation,
    private readonly clock: TaskClock,
  ) {}

  register(request: ModelVersionRequest): Promise<ModelVersion> {
    return this.serialised(async () => {
      const existing = await this.versionNumbers(request.modelName);
      const version = existing.length === 0 ? 1 : Math.max(...existing) + 1;
      const record: ModelVersion = { ...request, version, status: 'PendingManualApproval', createdAt: this.clock.now().toISOString() };
      await this.write(record);
      return record;
    });
  }

  async get(modelName: string, version: number): Promise<ModelVersion> {
    const key = this.versionKey(modelName, version);
    if (!(await this.objects.listKeys(this.location.bucket, key)).includes(key)) {
      throw new ModelRegistryError('ModelVersionNotFound', `Model "${modelName}" has no version ${version}.`);
    }
    return this.read(key);
  }

  async list(modelName?: string): Promise<ModelVersion[]> {
    const prefix = modelName === undefined ? this.location.prefix : `${this.location.prefix}${modelName}/`;
    const keys = (await this.objects.listKeys(this.location.bucket, prefix)).filter((key) => VERSION_FILE.test(key));
    return Promise.all(keys.map(async (key) => JSON.parse(await this.objects.getText({ bucket: this.location.bucket, key })) as ModelVersion));
  }

  async latest(modelName: string, accept: (version: ModelVersion) => boolean = () => true): Promise<ModelVersion | undefined> {
    for (const version of (await this.versionNumbers(modelName)).sort((a, b) => b - a)) {
      const record = await this.read(this.versionKey(modelName, version));
      if (accept(record)) return record;
    }
    return undefined;
  }

  approve(modelName: string, version: number, reason?: string): Promise<ModelVersion> {
    return this.decide(modelName, version, 'Approved', reason);
  }

  reject(modelName: string, version: number, reason?: string): Promise<ModelVersion> {
    return this.decide(modelName, version, 'Rejected', reason);
  }

  /** Only a pending version can be decided: an approved model that is later bad gets a new version. */
  private decide(modelName: string, version: number, status: ApprovalStatus, reason: string | undefined): Promise<ModelVersion> {
    return this.serialised(async () => {
      const current = await this.get(modelName, version);
      if (current.status !== 'PendingManualApproval') {
        throw new ModelRegistryError('InvalidApprovalTransition', `Model "${modelName}" version ${version} is already ${current.status}.`);
      }
      const decided: ModelVersion = {
        ...current,
        status,
        statusChangedAt: this.clock.now().toISOString(),
        ...(reason !== undefined && { statusReason: reason }),
      };
      await this.write(decided);
      return decided;
    });
  }

  private async versionNumbers(modelName: string): Promise<number[]> {
    const keys = await this.objects.listKeys(this.location.bucket, `${this.location.prefix}${modelName}/`);
    return keys.flatMap((key) => {
      const match = VERSION_FILE.exec(key);
      return match ? [Number(match[1])] : [];
    });
  }

  private async read(key: string): Promise<ModelVersion> {
    return assertPayload(ModelVersion, JSON.parse(await this.objects.getText({ bucket: this.location.bucket, key })), `Model registry record ${key}`);
  }

  private write(record: ModelVersion): Promise<void> {
    return this.objects.putText({ bucket: this.location.bucket, key: this.versionKey(record.modelName, record.version) }, JSON.stringify(record, null, 2));
  }

  private versionKey(modelName: string, version: number): string {
    return `${this.location.prefix}${modelName}/v${String(version).padStart(6, '0')}.json`;
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.writes.then(work, work);
    this.writes = next.catch(() => undefined);
    return next;
  }
}
