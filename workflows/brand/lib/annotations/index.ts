import { parseFlickrLogos } from './flickrlogos';
import { parseGroundTruth } from './groundtruth';
import type { AnnotationFormat, ImportResult } from './types';

export { parseFlickrLogos } from './flickrlogos';
export { parseGroundTruth, toGroundTruthManifest } from './groundtruth';
export { splitByImage } from './split';
export { AnnotationFormatError, type AnnotationFormat, type Box, type ImageAnnotations, type ImportResult, type RefusedBox } from './types';

export function parseAnnotations(text: string, format: AnnotationFormat): ImportResult {
  return format === 'flickrlogos' ? parseFlickrLogos(text) : parseGroundTruth(text);
}
