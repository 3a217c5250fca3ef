/** Handlers' Parquet: rows typed by a TypeBox schema round-trip through hyparquet, and the lake's DuckDB reads the same bytes. */
import { Type } from '@sinclair/typebox';
import { ParquetSchemaError, glueColumns, readParquet, writeParquet } from '../../src/services';
import { openLakeHarness, putBytes, resultRows, runQuery } from '../lake/helpers';

const Price = Type.Object({ hour: Type.Integer(), price: Type.Number(), note: Type.Union([Type.String(), Type.Null()]), firm: Type.Boolean() });
const rows = [
  { hour: 0, price: 31.05, note: null, firm: true },
  { hour: 1, price: -2.5, note: 'negative', firm: false },
];

test('rows round-trip through Parquet', async () => {
  expect(await readParquet(Price, writeParquet(Price, rows))).toEqual(rows);
});

test('the schema gives the Glue columns; unsupported members and missing values are refused by name', () => {
  expect(glueColumns(Price)).toEqual([
    { Name: 'hour', Type: 'int' },
    { Name: 'price', Type: 'double' },
    { Name: 'note', Type: 'string' },
    { Name: 'firm', Type: 'boolean' },
  ]);
  expect(() => glueColumns(Type.Object({ tags: Type.Array(Type.String()) }))).toThrow(ParquetSchemaError);
  expect(() => writeParquet(Price, [{ hour: 1 } as never])).toThrow('Column price is required');
});

test('the lake reads what a handler wrote', async () => {
  const h = await openLakeHarness();
  try {
    h.objects.createBucket('lake');
    h.objects.createBucket('results');
    h.lake.catalog.createDatabase({ DatabaseInput: { Name: 'energy' } });
    h.lake.catalog.createTable({ DatabaseName: 'energy', TableInput: { Name: 'obs', StorageDescriptor: { Columns: glueColumns(Price), Location: 's3://lake/obs/' } } });
    await putBytes(h.objects, 'lake', 'obs/part-0.parquet', writeParquet(Price, rows));
    const query = await runQuery(h.lake, 'SELECT hour, price, note, firm FROM obs ORDER BY hour');
    expect(query.Status.StateChangeReason).toBeUndefined();
    expect(await resultRows(h.lake, query.QueryExecutionId)).toEqual([
      ['0', '31.05', null, 'true'],
      ['1', '-2.5', 'negative', 'false'],
    ]);
  } finally {
    await h.close();
  }
});
