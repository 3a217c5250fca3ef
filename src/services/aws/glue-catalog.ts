/**
 * {@link LakeCatalog} over the Glue Data Catalog (`@aws-sdk/client-glue` v3). A partition takes its
 * table's storage descriptor (format, SerDe, columns) with its own location. BatchCreatePartition
 * reports a partition that exists already as an entry error rather than throwing; that one is
 * success, so re-running a day stays idempotent.
 */
import { BatchCreatePartitionCommand, GetTableCommand, type GlueClient } from '@aws-sdk/client-glue';
import { TaskFailure } from '../errors';
import type { LakeCatalog, PartitionSpec } from '../lake';

export class GlueCatalog implements LakeCatalog {
  constructor(
    private readonly glue: GlueClient,
    private readonly databaseName: string,
  ) {}

  async addPartition({ table, values, location }: PartitionSpec): Promise<void> {
    const { Table } = await this.glue.send(new GetTableCommand({ DatabaseName: this.databaseName, Name: table }));
    const storage = Table?.StorageDescriptor;
    if (!storage) throw new TaskFailure('TableNotCataloged', `Table ${this.databaseName}.${table} has no storage descriptor to partition.`);
    const response = await this.glue.send(
      new BatchCreatePartitionCommand({
        DatabaseName: this.databaseName,
        TableName: table,
        PartitionInputList: [{ Values: [...values], StorageDescriptor: { ...storage, Location: location } }],
      }),
    );
    const failure = (response.Errors ?? []).find((error) => error.ErrorDetail?.ErrorCode !== 'AlreadyExistsException');
    if (failure) {
      throw new TaskFailure(failure.ErrorDetail?.ErrorCode ?? 'CreatePartitionFailed', `Partition ${values.join('/')} of ${table}: ${failure.ErrorDetail?.ErrorMessage ?? 'rejected'}`);
    }
  }
}
