import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { awsServices, MissingEnvironmentError, modelRegistryFrom } from '../../../src/services/aws/aws-services';
import { InProcessCompute } from '../../../src/services/aws/in-process-compute';
import { defineJob } from '../../../src/services';

const ENV = { STATECRAFT_MODEL_REGISTRY_BUCKET: 'models-bucket', STATECRAFT_MODEL_REGISTRY_PREFIX: 'model-registry/' };

describe('awsServices', () => {
  const s3 = mockClient(S3Client);
  beforeEach(() => s3.reset());

  test('the model registry writes versions as JSON documents under its prefix in the configured bucket', async () => {
    s3.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'model-registry/iris/v000001.json' }], IsTruncated: false });
    s3.on(PutObjectCommand).resolves({});
    const services = awsServices(ENV, new S3Client({ region: 'eu-west-1' }));
    const request = {
      modelName: 'iris',
      kind: 'svm',
      artefact: { bucket: 'b-1', key: 'k' },
      hyperparameters: { C: 1, kernel: 'rbf', gamma: 0.1 },
      metrics: { meanScore: 0.9 },
      executionArn: 'arn:aws:states:eu-west-1:1:execution:kfold-cv:run',
    };
    const version = await services.models.register(request);
    expect(version).toMatchObject({ modelName: 'iris', version: 2, status: 'PendingManualApproval' });
    expect(s3.commandCalls(ListObjectsV2Command)[0]!.args[0].input).toMatchObject({ Bucket: 'models-bucket', Prefix: 'model-registry/iris/' });
    const put = s3.commandCalls(PutObjectCommand)[0]!.args[0].input;
    expect(put).toMatchObject({ Bucket: 'models-bucket', Key: 'model-registry/iris/v000002.json', ContentType: 'application/json' });
    expect(JSON.parse(put.Body as string)).toMatchObject({ version: 2, executionArn: request.executionArn });
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
  });

  test('the clock is the wall clock', () => {
    const services = awsServices(ENV, new S3Client({ region: 'eu-west-1' }));
    const before = Date.now();
    expect(services.clock.now().getTime()).toBeGreaterThanOrEqual(before);
  });

  test('the lake is set up on first use: a function without the lake variables fails only when it queries', async () => {
    const services = awsServices(ENV, new S3Client({ region: 'eu-west-1' }));
    await expect(services.lake.query('SELECT 1')).rejects.toThrow(/STATECRAFT_LAKE_WORKGROUP/);
  });
});

describe('modelRegistryFrom', () => {
  test('reads the variables the CDK app sets', () => {
    expect(modelRegistryFrom(ENV)).toEqual({ bucket: 'models-bucket', prefix: 'model-registry/' });
  });

  test('a missing variable is a clear error naming it', () => {
    expect(() => modelRegistryFrom({})).toThrow(MissingEnvironmentError);
    expect(() => modelRegistryFrom({})).toThrow(/STATECRAFT_MODEL_REGISTRY_BUCKET/);
  });
});

test('InProcessCompute runs the job right where the handler called it', async () => {
  const double = defineJob(__filename, 'double', (n: number) => n * 2);
  await expect(new InProcessCompute().run(double, 21)).resolves.toBe(42);
});
