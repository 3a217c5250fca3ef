/** RegisterModel: a new version in the model registry, pending manual approval. */
import { taskHandler } from '../../../src/services/task-handler';
import { lambdaHandler } from '../../../src/services/aws/lambda-entry';
import { RegisterModel } from './definitions';

export const registerModel = taskHandler(RegisterModel, (request, { models }) => models.register(request));

export const handler = lambdaHandler(registerModel);
