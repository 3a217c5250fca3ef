/**
 * SageMaker Ground Truth's bounding-box output manifest: JSON lines with `source-ref` and, under the
 * job's label attribute name, `{ image_size, annotations: [{class_id, left, top, width, height}] }`
 * whose `<attribute>-metadata` carries `class-map` and `type: groundtruth/object-detection`.
 * @see https://docs.aws.amazon.com/sagemaker/latest/dg/sms-data-output.html#sms-output-box
 */
import { BoxCollector } from './collect';
import { AnnotationFormatError, type ImportResult } from './types';

interface BoxLabel {
  annotations?: Array<{ class_id?: number; left?: number; top?: number; width?: number; height?: number }>;
}
interface BoxMetadata {
  type?: string;
  'class-map'?: Record<string, string>;
}

export function parseGroundTruth(text: string): ImportResult {
  const collector = new BoxCollector();
  text.split(/\r?\n/).forEach((raw, index) => {
    if (!raw.trim()) return;
    const where = `Line ${index + 1}`;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      throw new AnnotationFormatError(`${where} is not JSON.`);
    }
    const source = record['source-ref'];
    if (typeof source !== 'string') throw new AnnotationFormatError(`${where} has no "source-ref".`);
    const image = source.slice(source.lastIndexOf('/') + 1);
    const attribute = Object.keys(record).find((key) => (record[`${key}-metadata`] as BoxMetadata | undefined)?.type === 'groundtruth/object-detection');
    if (!attribute) throw new AnnotationFormatError(`${where} has no bounding-box label (no "<attribute>-metadata" of type groundtruth/object-detection).`);
    const classMap = (record[`${attribute}-metadata`] as BoxMetadata)['class-map'] ?? {};
    collector.touch(image);
    for (const box of (record[attribute] as BoxLabel).annotations ?? []) {
      const label = classMap[String(box.class_id)];
      if (label === undefined) throw new AnnotationFormatError(`${where}: class_id ${box.class_id} is not in the class-map.`);
      collector.add(image, { label, left: Number(box.left), top: Number(box.top), width: Number(box.width), height: Number(box.height) }, index + 1);
    }
  });
  return collector.result();
}

/** Writes boxes as a Ground Truth output manifest (what the labeling page submits). */
export function toGroundTruthManifest(images: Array<{ sourceRef: string; width: number; height: number; boxes: Array<{ label: string; left: number; top: number; width: number; height: number }> }>, labels: readonly string[], jobName: string): string {
  const classMap = Object.fromEntries(labels.map((label, id) => [String(id), label]));
  return images
    .map((image) =>
      JSON.stringify({
        'source-ref': image.sourceRef,
        [jobName]: {
          image_size: [{ width: image.width, height: image.height, depth: 3 }],
          annotations: image.boxes.map((b) => ({ class_id: labels.indexOf(b.label), left: b.left, top: b.top, width: b.width, height: b.height })),
        },
        [`${jobName}-metadata`]: { 'class-map': classMap, type: 'groundtruth/object-detection', 'human-annotated': 'yes', 'job-name': `labeling-job/${jobName}` },
      }),
    )
    .join('\n');
}
