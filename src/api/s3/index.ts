/** The S3-compatible REST API, mounted by the local server: `createS3Handler(store, { region, account })`. */
export { createS3Handler, type S3Handler, type S3HandlerOptions } from './handler';
export { AwsChunkedDecoder } from './aws-chunked';
