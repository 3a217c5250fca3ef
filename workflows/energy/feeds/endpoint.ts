/** The feed server as the energy package's local endpoint: `statecraft serve` mounts it at `/_feeds/`. */
import type { PackageEndpoint } from '../../../src/builder';
import { FEEDS_BASE_VARIABLE } from './config';
import { createFeedServer } from './server';

export const feedsEndpoint: PackageEndpoint = {
  name: 'feeds',
  create: (context) => createFeedServer(context).handle,
  environment: (url) => ({ [FEEDS_BASE_VARIABLE]: url }),
};
