/** The labelled images a training run works on, as CollectAnnotations writes them. */
import type { ObjectRef, ObjectService } from '../../../src/services';
import type { Box } from '../lib/annotations';

export interface DatasetImage {
  /** The stored image. */
  key: string;
  /** Its file name, as annotations call it. */
  image: string;
  boxes: Box[];
}

export interface DatasetFile {
  images: DatasetImage[];
}

export async function readDataset(objects: ObjectService, ref: ObjectRef): Promise<DatasetFile> {
  return JSON.parse(await objects.getText(ref)) as DatasetFile;
}

/** Every image under the run's uploads and frames, by file name. */
export async function storedImages(objects: ObjectService, bucket: string, prefixes: readonly string[]): Promise<Map<string, string>> {
  const byName = new Map<string, string>();
  for (const prefix of prefixes) {
    for (const key of await objects.listKeys(bucket, prefix)) {
      if (/\.(jpe?g|png)$/i.test(key)) byName.set(key.slice(key.lastIndexOf('/') + 1), key);
    }
  }
  return byName;
}
