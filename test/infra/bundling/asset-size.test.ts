/** Lambda's 250 MB quota on unzipped code, measured on the bundle directory as synth writes it. */
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { assertFitsLambda, directoryBytes, LAMBDA_UNZIPPED_CODE_LIMIT_BYTES } from '../../../infra/bundling/asset-size';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'asset-size-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('counts every file, in nested directories too', () => {
  mkdirSync(path.join(dir, 'node_modules/pkg/lib'), { recursive: true });
  writeFileSync(path.join(dir, 'index.js'), 'x'.repeat(10));
  writeFileSync(path.join(dir, 'node_modules/pkg/lib/addon.node'), 'y'.repeat(32));
  expect(directoryBytes(dir)).toBe(42);
});

test.each([
  ['at the quota', LAMBDA_UNZIPPED_CODE_LIMIT_BYTES, undefined],
  ['a byte over it', LAMBDA_UNZIPPED_CODE_LIMIT_BYTES + 1, "Task big's code is 250.0 MB unzipped, over Lambda's 250.0 MB"],
])('code %s', (_, bytes, error) => {
  // A sparse file: its size counts, though it takes no disk.
  writeFileSync(path.join(dir, 'ffmpeg'), '');
  truncateSync(path.join(dir, 'ffmpeg'), bytes);
  if (error) expect(() => assertFitsLambda(dir, 'big')).toThrow(error);
  else expect(assertFitsLambda(dir, 'big')).toBe(bytes);
});
