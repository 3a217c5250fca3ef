/**
 * Imported first by every task bundle: installs the AWS services at cold start, before the task
 * module's unchanged `handler` (made by `lambdaHandler`) is first called.
 */
import { awsServices, modelRegistryBucketFrom } from '../../tasks/runtime/aws/aws-services';
import { installServices } from '../../tasks/runtime/lambda-adapter';
import { jobModules } from './job-modules';

installServices(awsServices({ modelRegistryBucket: modelRegistryBucketFrom(process.env), jobModules }));
