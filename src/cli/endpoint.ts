/** How the client commands reach a running `statecraft serve`: its URL and the SDK settings for it. */
import { DEFAULT_LOCATION } from '../location';
import { DEFAULT_PORT } from './serve';

export function endpointUrl(flag: string | undefined): string {
  return flag ?? `http://127.0.0.1:${DEFAULT_PORT}`;
}

/** SDK client settings for the local endpoint: it checks no signatures, but the SDK needs credentials to sign. */
export function localClientConfig(flag: string | undefined) {
  return { endpoint: endpointUrl(flag), region: DEFAULT_LOCATION.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
}
