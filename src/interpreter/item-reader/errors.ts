/**
 * Every failure to read a distributed Map's dataset is a States.ItemReaderFailed, as on AWS:
 * a missing object, an unreadable CSV row, JSON that is not an array.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html
 */
import { StatesError, StatesErrors } from '../../asl/errors';
import { ItemSourceError } from '../integrations/services';

export function itemReaderFailed(cause: string): StatesError {
  return new StatesError(StatesErrors.ItemReaderFailed, cause, false);
}

/**
 * What a failed read becomes: an S3 failure is shown the way the AWS SDK renders a service
 * exception; an undecodable stream (corrupt gzip) fails the read too. An abort stays an abort.
 */
export function sourceFailure(err: unknown, signal: AbortSignal): unknown {
  if (err instanceof StatesError || signal.aborted) return err;
  if (err instanceof ItemSourceError) {
    return itemReaderFailed(`${err.message} (Service: S3, Status Code: ${err.statusCode}, Error Code: ${err.code})`);
  }
  return itemReaderFailed(err instanceof Error ? err.message : String(err));
}
