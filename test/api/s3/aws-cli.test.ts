import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { CreateBucketCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { tempDir } from '../../objects/helpers';
import { awsCli, describeWithAwsCli } from '../../support/aws-cli';
import { type Harness, startHarness } from './harness';

describeWithAwsCli('the AWS CLI against the local endpoint', () => {
  let h: Harness;
  let workDir: string;
  const aws = awsCli(() => h.endpoint);

  beforeAll(async () => {
    h = await startHarness();
    workDir = await tempDir();
    await h.client.send(new CreateBucketCommand({ Bucket: 'cli' }));
  });
  afterAll(() => h.close());

  test('aws s3 cp uploads 20 MB (multipart) and downloads it back unchanged', async () => {
    const source = path.join(workDir, 'upload.bin');
    const target = path.join(workDir, 'download.bin');
    const data = randomBytes(20 * 1024 * 1024);
    await fs.writeFile(source, data);
    await aws('s3', 'cp', '--only-show-errors', source, 's3://cli/videos/clip one.bin');
    const head = await h.client.send(new HeadObjectCommand({ Bucket: 'cli', Key: 'videos/clip one.bin' }));
    expect(head.ContentLength).toBe(data.length);
    expect(head.ETag).toMatch(/^"[0-9a-f]{32}-\d+"$/);
    const listing = await aws('s3', 'ls', 's3://cli/', '--recursive');
    expect(listing.stdout).toContain(`${data.length} videos/clip one.bin`);
    await aws('s3', 'cp', '--only-show-errors', 's3://cli/videos/clip one.bin', target);
    expect((await fs.readFile(target)).equals(data)).toBe(true);
    await aws('s3', 'rm', '--only-show-errors', 's3://cli/videos/clip one.bin');
    await expect(h.client.send(new HeadObjectCommand({ Bucket: 'cli', Key: 'videos/clip one.bin' }))).rejects.toMatchObject({
      name: 'NotFound',
    });
  }, 120_000);
});
