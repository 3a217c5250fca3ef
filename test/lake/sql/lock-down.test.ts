/**
 * SQL is a door into the machine: every way DuckDB could reach a file or load code is refused,
 * first by the lake (only SELECT over catalog tables is run) and, behind that, by the locked
 * DuckDB session itself. Nothing is read or written.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLockedSession, type LockedSession } from '../../../src/lake/sql/duckdb-session';
import { openLakeHarness, pricesTable, runQuery, type LakeHarness } from '../helpers';

let h: LakeHarness;
let outside: string;
beforeAll(async () => {
  h = await openLakeHarness();
  await pricesTable(h, [{ market: 'NP', date: '2024-01-01', prices: [1] }]);
  outside = mkdtempSync(join(tmpdir(), 'statecraft-outside-'));
  writeFileSync(join(outside, 'secret.csv'), 'a,b\n1,2\n');
});
afterAll(async () => {
  await h.close();
  rmSync(outside, { recursive: true, force: true });
});

const doors = (dir: string) => [
  ['read_csv of /etc/passwd', "SELECT * FROM read_csv('/etc/passwd')", /read_csv/],
  ['a file outside the lake', `SELECT * FROM '${dir}/secret.csv'`, /does not exist|not available|disabled/],
  ['read_text in a subquery', `SELECT (SELECT count(*) FROM read_text('${dir}/secret.csv')) AS n`, /read_text/],
  ['COPY … TO', `COPY (SELECT 1) TO '${dir}/written.csv'`, /Only SELECT queries/],
  ['ATTACH', `ATTACH '${dir}/other.db' AS other`, /Only SELECT queries/],
  ['INSTALL', 'INSTALL httpfs', /Only SELECT queries/],
  ['LOAD', 'LOAD httpfs', /Only SELECT queries/],
  ['SET', 'SET enable_external_access = true', /Only SELECT queries/],
  ['two statements', 'SELECT 1; SELECT 2', /Only one sql statement/],
  ['the settings, which name the lake directory', "SELECT current_setting('allowed_directories')", /current_setting is not available/],
] as const;

describe('through Athena: FAILED with a clear reason', () => {
  test.each(doors('OUTSIDE'))('%s', async (_name, template, reason) => {
    const query = await runQuery(h.lake, template.replace(/OUTSIDE/g, outside));
    expect(query.Status.State).toBe('FAILED');
    expect(query.Status.StateChangeReason).toMatch(reason);
    expect(query.Status.AthenaError).toMatchObject({ ErrorCategory: 2 });
    expect(existsSync(join(outside, 'written.csv'))).toBe(false);
    expect(existsSync(join(outside, 'other.db'))).toBe(false);
  });
});

describe('the DuckDB session itself, should a statement get past the lake', () => {
  let session: LockedSession;
  beforeEach(async () => {
    session = await openLockedSession({ allowedDirectory: h.objects.filesDirectory, schemas: ['energy'] });
  });
  afterEach(() => session.close());

  test('only the object store files directory is allowed, no spill directory beside it', async () => {
    const reader = await session.connection.runAndReadAll("SELECT current_setting('allowed_directories')");
    expect(String(reader.getRows()[0]![0])).toBe(`['${h.objects.filesDirectory}/']`);
  });

  test.each([
    ['read_csv', "SELECT * FROM read_csv('/etc/passwd')", /Permission Error.*disabled by configuration/],
    ['read_text', `SELECT * FROM read_text('${'OUTSIDE'}/secret.csv')`, /Permission Error/],
    ['COPY … TO', `COPY (SELECT 1) TO '${'OUTSIDE'}/written.csv'`, /Permission Error/],
    ['ATTACH', `ATTACH '${'OUTSIDE'}/other.db' AS other`, /Permission Error/],
    ['INSTALL', 'INSTALL httpfs', /Permission Error/],
    ['LOAD', 'LOAD httpfs', /Loading external extensions is disabled|Permission Error/],
    ['SET enable_external_access', 'SET enable_external_access = true', /configuration has been locked/],
    ['SET allowed_directories', "SET allowed_directories = ['/']", /configuration has been locked/],
    ['SET autoload', 'SET autoload_known_extensions = true', /configuration has been locked/],
    ['RESET lock_configuration', 'RESET lock_configuration', /configuration has been locked/],
  ])('%s is refused', async (_name, template, reason) => {
    await expect(session.connection.run(template.replace(/OUTSIDE/g, outside))).rejects.toThrow(reason);
    expect(existsSync(join(outside, 'written.csv'))).toBe(false);
    expect(existsSync(join(outside, 'other.db'))).toBe(false);
  });
});
