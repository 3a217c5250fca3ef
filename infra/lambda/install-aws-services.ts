/**
 * Imported first by every task bundle: installs the AWS services at cold start, before the task
 * module's unchanged `handler` (made by `lambdaHandler`) is first called.
 */
import { awsServices, modelRegistryBucketFrom } from '../../src/services/aws/aws-services';
import { installServices } from '../../src/services/aws/lambda-entry';
import { jobModules } from './job-modules';

installServices(awsServices({ modelRegistryBucket: modelRegistryBucketFrom(process.env), jobModules }));
