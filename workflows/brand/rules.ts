/** What starts the brand workflows besides a manual start. */
import type { RuleDefinition } from '../../src/builder';
import { DATA_BUCKET } from '../data-bucket';

const uploaded = (wildcards: string[]) => ({
  source: ['aws.s3'],
  'detail-type': ['Object Created'],
  detail: { bucket: { name: [DATA_BUCKET] }, object: { key: wildcards.map((wildcard) => ({ wildcard })) } },
});

const fromUpload = { InputPathsMap: { bucket: '$.detail.bucket.name', key: '$.detail.object.key' } };

/**
 * Upload a project's images and videos under `brand/training/<project>/`, then its annotation file
 * (`annotations.txt`, FlickrLogos-27, or a Ground Truth `*.manifest`): that upload trains the project's model.
 */
export const brandTrainingOnUpload: RuleDefinition = {
  name: 'brand-training-on-upload',
  description: 'Train a logo detector when annotations are uploaded under brand/training/<project>/',
  eventPattern: uploaded(['brand/training/*/annotations.txt', 'brand/training/*.manifest']),
  target: { workflow: 'brand-training', inputTransformer: { ...fromUpload, InputTemplate: '{"upload": {"bucket": <bucket>, "key": <key>}}' } },
};

/** A video or image uploaded under `brand/analysis/<project>/` is analysed with the project's latest approved model. */
export const brandAnalysisOnUpload: RuleDefinition = {
  name: 'brand-analysis-on-upload',
  description: 'Report brand visibility in every video or image uploaded under brand/analysis/',
  eventPattern: uploaded(['brand/analysis/*']),
  target: { workflow: 'brand-analysis', inputTransformer: { ...fromUpload, InputTemplate: '{"video": {"bucket": <bucket>, "key": <key>}}' } },
};
