// The labels as the training run reads them back.

/**
 * SageMaker Ground Truth's bounding-box output manifest, one JSON line per image, the label attribute
 * named after the job (as brand's `toGroundTruthManifest` writes it, which CollectAnnotations reads).
 * @see https://docs.aws.amazon.com/sagemaker/latest/dg/sms-data-output.html#sms-output-box
 */
export function groundTruthManifest(images, labels, jobName) {
  const classMap = Object.fromEntries(labels.map((label, id) => [String(id), label]));
  return images
    .map(({ image, width, height, boxes }) =>
      JSON.stringify({
        'source-ref': image.sourceRef,
        [jobName]: { image_size: [{ width, height, depth: 3 }], annotations: boxes.map((b) => ({ class_id: labels.indexOf(b.label), left: b.left, top: b.top, width: b.width, height: b.height })) },
        [`${jobName}-metadata`]: { 'class-map': classMap, type: 'groundtruth/object-detection', 'human-annotated': 'yes', 'creation-date': new Date().toISOString(), 'job-name': `labeling-job/${jobName}` },
      }),
    )
    .join('\n');
}

