import { parseDdl } from '../../../src/lake/sql/ddl-parser';
import { QueryFailure } from '../../../src/lake/sql/query-error';

test('CREATE EXTERNAL TABLE with comments, nested types, partitions and properties', () => {
  expect(
    parseDdl(`-- the day's prices
      CREATE EXTERNAL TABLE IF NOT EXISTS energy.\`Prices\` (
        hour int COMMENT 'hour of day', price decimal(10, 2), tags array<string>, detail struct<a:int,b:string>
      ) COMMENT 'day-ahead' PARTITIONED BY (market string, \`date\` date)
      STORED AS PARQUET LOCATION 's3://lake/prices/' TBLPROPERTIES ('parquet.compression' = 'SNAPPY');`),
  ).toEqual({
    kind: 'createTable',
    table: { database: 'energy', name: 'Prices' },
    ifNotExists: true,
    columns: [
      { name: 'hour', type: 'int', comment: 'hour of day' },
      { name: 'price', type: 'decimal(10,2)' },
      { name: 'tags', type: 'array<string>' },
      { name: 'detail', type: 'struct<a:int,b:string>' },
    ],
    partitionKeys: [
      { name: 'market', type: 'string' },
      { name: 'date', type: 'date' },
    ],
    location: 's3://lake/prices/',
    comment: 'day-ahead',
    properties: { 'parquet.compression': 'SNAPPY' },
  });
});

test.each([
  ["ALTER TABLE p ADD IF NOT EXISTS PARTITION (market = 'NP', day = DATE '2024-01-01') LOCATION 's3://l/a/' PARTITION (market = 'DE', day = '2024-01-01')", { kind: 'addPartitions', table: { name: 'p' }, ifNotExists: true, partitions: [{ values: { market: 'NP', day: '2024-01-01' }, location: 's3://l/a/' }, { values: { market: 'DE', day: '2024-01-01' } }] }],
  ["ALTER TABLE p DROP IF EXISTS PARTITION (market = 'NP'), PARTITION (market = 'DE')", { kind: 'dropPartitions', table: { name: 'p' }, ifExists: true, partitions: [{ values: { market: 'NP' } }, { values: { market: 'DE' } }] }],
  ['MSCK REPAIR TABLE energy.p', { kind: 'repairTable', table: { database: 'energy', name: 'p' } }],
  ['show partitions p', { kind: 'showPartitions', table: { name: 'p' } }],
  ['SHOW TABLES IN energy', { kind: 'showTables', database: 'energy' }],
  ['DROP TABLE IF EXISTS p', { kind: 'dropTable', table: { name: 'p' }, ifExists: true }],
  ['CREATE DATABASE IF NOT EXISTS energy', { kind: 'createDatabase', name: 'energy', ifNotExists: true, comment: undefined, location: undefined }],
])('%s', (sql, command) => {
  expect(parseDdl(sql)).toEqual(command);
});

test.each(['SELECT 1', 'WITH x AS (SELECT 1) SELECT * FROM x', 'INSERT INTO p VALUES (1)', 'COPY (SELECT 1) TO \'x\''])('%s is not DDL the lake runs itself', (sql) => {
  expect(parseDdl(sql)).toBeUndefined();
});

test.each([
  ["CREATE EXTERNAL TABLE t (a int) LOCATION 's3://x/' STORED AS ORC", /Only STORED AS PARQUET/],
  ['CREATE EXTERNAL TABLE t (a int) STORED AS PARQUET', /needs a LOCATION/],
  ['ALTER TABLE t ADD COLUMNS (b int)', /expecting PARTITION/],
  ["ALTER TABLE t ADD PARTITION (a = 'x'", /expecting '\)'/],
  ['MSCK REPAIR TABLE t extra', /extraneous input 'extra'/],
])('%s fails: %s', (sql, reason) => {
  expect(() => parseDdl(sql)).toThrow(QueryFailure);
  expect(() => parseDdl(sql)).toThrow(reason);
});
