/**
 * Puts the registry's lake tables into the local Glue Data Catalog: the lake's database, then each
 * table created or brought up to its declaration, as the CDK app does on AWS.
 */
import type { WorkflowRegistry } from '../builder/workflow-package';
import { glueTableInput } from '../builder/lake-table';
import type { DataCatalog } from '../lake';
import { LAKE_DATABASE } from '../services/lake';

export function registerTables(catalog: DataCatalog, registry: WorkflowRegistry, database = LAKE_DATABASE): void {
  if (registry.tables.length === 0) return;
  if (!catalog.findDatabaseByName(database)) catalog.createDatabase({ DatabaseInput: { Name: database, Description: 'statecraft data lake' } });
  for (const table of registry.tables) {
    const request = { DatabaseName: database, TableInput: glueTableInput(table) };
    if (catalog.findTable(database, table.name)) catalog.updateTable(request);
    else catalog.createTable(request);
  }
}
