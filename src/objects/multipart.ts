import { createHash } from 'node:crypto';
import { S3Error } from './errors';
import type { IndexedPart } from './object-index';
import type { CompletedPart } from './types';

/** Every part but the last must be at least 5 MiB. */
export const MIN_PART_SIZE = 5 * 1024 * 1024;
export const MAX_PART_NUMBER = 10_000;

export function assertPartNumber(partNumber: number): void {
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > MAX_PART_NUMBER) {
    throw new S3Error('InvalidArgument', `Part number must be an integer between 1 and ${MAX_PART_NUMBER}, inclusive`);
  }
}

/** S3's multipart ETag: the MD5 of the concatenated binary part MD5s, then `-<part count>`. */
export function multipartEtag(partEtags: string[]): string {
  const hash = createHash('md5');
  for (const etag of partEtags) hash.update(Buffer.from(etag.replace(/"/g, ''), 'hex'));
  return `"${hash.digest('hex')}-${partEtags.length}"`;
}

function normaliseEtag(etag: string): string {
  return etag.trim().replace(/^"|"$/g, '').toLowerCase();
}

/**
 * Matches the parts a client names in CompleteMultipartUpload against the uploaded ones, with
 * S3's checks in S3's order: ascending part numbers, known parts with matching ETags, minimum size.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html
 */
export function selectParts(uploaded: IndexedPart[], requested: CompletedPart[]): IndexedPart[] {
  if (requested.length === 0) {
    throw new S3Error(
      'MalformedXML',
      'The XML you provided was not well-formed or did not validate against our published schema',
    );
  }
  const byNumber = new Map(uploaded.map((part) => [part.partNumber, part]));
  const selected = requested.map((wanted, index) => {
    if (index > 0 && wanted.partNumber <= requested[index - 1].partNumber) {
      throw new S3Error('InvalidPartOrder', 'The list of parts was not in ascending order. Parts must be ordered by part number.');
    }
    const part = byNumber.get(wanted.partNumber);
    if (!part || normaliseEtag(part.etag) !== normaliseEtag(wanted.etag)) {
      throw new S3Error(
        'InvalidPart',
        "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
      );
    }
    return part;
  });
  selected.slice(0, -1).forEach((part) => {
    if (part.size < MIN_PART_SIZE) {
      throw new S3Error('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.');
    }
  });
  return selected;
}
