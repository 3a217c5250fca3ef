/** Reading a distributed Map's dataset: S3 listings, CSV, JSON, JSON Lines and S3 Inventory manifests. */
export { readDataset, GET_OBJECT, LIST_OBJECTS_V2, type DatasetRequest } from './read-dataset';
export { itemReaderFailed } from './errors';
