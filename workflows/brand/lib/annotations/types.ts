/** Boxes in pixels of the image they were drawn on; `image` is the image's file name. */
export interface Box {
  label: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface ImageAnnotations {
  image: string;
  boxes: Box[];
}

/** A box the import refused, named so a person can find and fix it. */
export interface RefusedBox {
  image: string;
  label: string;
  line: number;
  reason: string;
}

export interface ImportResult {
  images: ImageAnnotations[];
  refused: RefusedBox[];
  /** Boxes that repeated one already read (FlickrLogos-27 lists a box once per subset it belongs to). */
  duplicates: number;
}

export type AnnotationFormat = 'flickrlogos' | 'groundtruth';

export class AnnotationFormatError extends Error {
  override readonly name = 'InvalidAnnotations';
}
