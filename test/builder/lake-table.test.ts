/** Lake tables: declared with their rows' schema, refused when malformed, rendered as Glue's TableInput. */
import { Type } from '@sinclair/typebox';
import { defineLakeTable, defineTask, defineWorkflow, defineWorkflowPackage, glueTableInput } from '../../src/builder';

const rows = Type.Object({ hour: Type.Integer(), price: Type.Number(), note: Type.Optional(Type.String()) });
const prices = defineLakeTable({ name: 'prices', bucket: 'data', prefix: 'lake/prices/', rows, partitionKeys: ['market', 'date'], description: 'day-ahead prices' });

test("renders Glue's TableInput: external Parquet at the prefix, string partition keys, columns from the schema", () => {
  expect(glueTableInput(prices, 'data-123-eu-west-1')).toEqual({
    Name: 'prices',
    Description: 'day-ahead prices',
    TableType: 'EXTERNAL_TABLE',
    Parameters: { classification: 'parquet', EXTERNAL: 'TRUE' },
    PartitionKeys: [{ Name: 'market', Type: 'string' }, { Name: 'date', Type: 'string' }],
    StorageDescriptor: {
      Columns: [{ Name: 'hour', Type: 'int' }, { Name: 'price', Type: 'double' }, { Name: 'note', Type: 'string' }],
      Location: 's3://data-123-eu-west-1/lake/prices/',
      InputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
      OutputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
      SerdeInfo: { SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe', Parameters: { 'serialization.format': '1' } },
    },
  });
});

test.each([
  ['a name Glue and Athena cannot share', { name: 'Prices-2' }, 'lower-case letters'],
  ['a prefix without its trailing slash', { prefix: 'lake/prices' }, 'must end with "/"'],
  ['a partition key that is also a column', { partitionKeys: ['hour'] }, '"hour" is both a column and a partition key'],
])('refuses %s', (_what, change, message) => {
  expect(() => defineLakeTable({ name: 'prices', bucket: 'data', prefix: 'lake/prices/', rows, ...change })).toThrow(message);
});

test('refuses a column Parquet rows cannot hold, naming it', () => {
  expect(() => defineLakeTable({ name: 'tagged', bucket: 'data', prefix: 'lake/tagged/', rows: Type.Object({ tags: Type.Array(Type.String()) }) })).toThrow('tags');
});

test('a package refuses a task that names a lake table the package does not declare', () => {
  const Query = defineTask({
    name: 'query-prices',
    input: Type.Object({}),
    output: Type.Object({}),
    access: { lakeQueries: true, lakeTables: ['prices', 'weather'] },
    run: () => ({}),
  });
  const workflow = defineWorkflow({ name: 'q', input: Type.Object({}) }, (start) => start.task('Q', { task: Query, arguments: () => ({}) }).end());
  expect(() => defineWorkflowPackage({ module: __filename, workflows: [workflow], tables: [prices] })).toThrow('names lake tables its package does not declare: weather');
  expect(() => defineWorkflowPackage({ module: __filename, workflows: [workflow], tables: [prices, defineLakeTable({ name: 'weather', bucket: 'data', prefix: 'lake/weather/', rows })] })).not.toThrow();
});
