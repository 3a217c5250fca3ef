/** RegisterModel: a new version in the model registry, pending manual approval. */
import { taskHandler } from '../runtime/handler';
import { lambdaHandler } from '../runtime/lambda-adapter';
import { RegisterModel } from './definitions';

export const registerModel = taskHandler(RegisterModel, (request, { models }) => models.register(request));

export const handler = lambdaHandler(registerModel);
