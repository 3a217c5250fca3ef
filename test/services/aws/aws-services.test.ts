import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { awsServices, MissingEnvironmentError, modelRegistryBucketFrom } from '../../../src/services/aws/aws-services';
import { InProcessCompute } from '../../../src/services/aws/in-process-compute';
import { TaskFailure } from '../../../src/services/errors';

describe('awsServices', () => {
  const s3 = mockClient(S3Client);
  beforeEach(() => s3.reset());

  test('the model registry writes versions as JSON documents under model-registry/ in the configured bucket', async () => {
    s3.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'model-registry/iris/v000001.json' }], IsTruncated: false });
    s3.on(PutObjectCommand).resolves({});
    const services = awsServices({ modelRegistryBucket: 'models-bucket', jobModules: [] }, new S3Client({ region: 'eu-west-1' }));
    const request = {
      modelName: 'iris',
      artefact: { bucket: 'b', key: 'k' },
      hyperparameters: { C: 1, kernel: 'rbf' as const, gamma: 0.1 },
      foldScores: [0.9],
      meanScore: 0.9,
      stdScore: 0,
      dataset: { location: { bucket: 'b', key: 'd.csv' }, fingerprint: 'sha256:x' },
      executionArn: 'arn:aws:states:eu-west-1:1:execution:kfold-cv:run',
    };
    const version = await services.models.register(request as never);
    expect(version).toMatchObject({ modelName: 'iris', version: 2, status: 'PendingManualApproval' });
    expect(s3.commandCalls(ListObjectsV2Command)[0]!.args[0].input).toMatchObject({ Bucket: 'models-bucket', Prefix: 'model-registry/iris/' });
    const put = s3.commandCalls(PutObjectCommand)[0]!.args[0].input;
    expect(put).toMatchObject({ Bucket: 'models-bucket', Key: 'model-registry/iris/v000002.json', ContentType: 'application/json' });
    expect(JSON.parse(put.Body as string)).toMatchObject({ version: 2, executionArn: request.executionArn });
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
  });

  test('the clock is the wall clock', () => {
    const services = awsServices({ modelRegistryBucket: 'b', jobModules: [] }, new S3Client({ region: 'eu-west-1' }));
    const before = Date.now();
    const now = services.clock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
  });
});

describe('modelRegistryBucketFrom', () => {
  test('reads the variable the CDK app sets', () => {
    expect(modelRegistryBucketFrom({ STATECRAFT_MODEL_REGISTRY_BUCKET: 'x' })).toBe('x');
  });

  test('a missing variable is a clear error naming it', () => {
    expect(() => modelRegistryBucketFrom({})).toThrow(MissingEnvironmentError);
    expect(() => modelRegistryBucketFrom({})).toThrow(/STATECRAFT_MODEL_REGISTRY_BUCKET/);
  });
});

describe('InProcessCompute', () => {
  const compute = new InProcessCompute([{ double: (n: number) => n * 2 }, { negate: (n: number) => -n, constant: 3 }]);

  test('runs the job exported under that name, whatever the module path (bundles have one file)', async () => {
    await expect(compute.run('/var/task/index.js', 'double', 21)).resolves.toBe(42);
    await expect(compute.run('/anything', 'negate', 1)).resolves.toBe(-1);
  });

  test.each([
    ['missing', new InProcessCompute([{}]), 'double', 'no bundled job module exports it'],
    ['not a function', new InProcessCompute([{ constant: 3 }]), 'constant', 'no bundled job module exports it'],
    ['ambiguous', new InProcessCompute([{ f: () => 1 }, { f: () => 2 }]), 'f', '2 bundled job modules export it'],
  ])('%s job: a ComputeJobNotFound task failure', async (_what, pool, job, why) => {
    const error = await pool.run('/x', job, null).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(TaskFailure);
    expect(error).toMatchObject({ name: 'ComputeJobNotFound', message: expect.stringContaining(why) });
  });
});
