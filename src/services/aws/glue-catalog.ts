/**
 * {@link LakeCatalog} over the Glue Data Catalog (`@aws-sdk/client-glue` v3). A partition takes its
 * table's storage descriptor (format, SerDe, columns) with its own location: one GetTable per table,
 * then BatchCreatePartition with up to 100 partitions per request, Glue's limit. A partition that
 * exists already comes back as an entry error rather than a thrown one; that one is success, so
 * re-running a day stays idempotent.
 */
import { BatchCreatePartitionCommand, GetTableCommand, type GlueClient } from '@aws-sdk/client-glue';
import { TaskFailure } from '../errors';
import { partitionsByTable, type LakeCatalog, type PartitionSpec } from '../lake';

/** BatchCreatePartition's PartitionInputList holds at most 100 entries. */
export const PARTITIONS_PER_REQUEST = 100;

export class GlueCatalog implements LakeCatalog {
  constructor(
    private readonly glue: GlueClient,
    private readonly databaseName: string,
  ) {}

  async addPartitions(partitions: readonly PartitionSpec[]): Promise<void> {
    for (const [table, specs] of partitionsByTable(partitions)) {
      const { Table } = await this.glue.send(new GetTableCommand({ DatabaseName: this.databaseName, Name: table }));
      const storage = Table?.StorageDescriptor;
      if (!storage) throw new TaskFailure('TableNotCataloged', `Table ${this.databaseName}.${table} has no storage descriptor to partition.`);
      for (let i = 0; i < specs.length; i += PARTITIONS_PER_REQUEST) {
        const response = await this.glue.send(
          new BatchCreatePartitionCommand({
            DatabaseName: this.databaseName,
            TableName: table,
            PartitionInputList: specs.slice(i, i + PARTITIONS_PER_REQUEST).map(({ values, location }) => ({ Values: [...values], StorageDescriptor: { ...storage, Location: location } })),
          }),
        );
        const failure = (response.Errors ?? []).find((error) => error.ErrorDetail?.ErrorCode !== 'AlreadyExistsException');
        if (failure) {
          const values = failure.PartitionValues?.join('/') ?? 'of the batch';
          throw new TaskFailure(failure.ErrorDetail?.ErrorCode ?? 'CreatePartitionFailed', `Partition ${values} of ${table}: ${failure.ErrorDetail?.ErrorMessage ?? 'rejected'}`);
        }
      }
    }
  }
}
