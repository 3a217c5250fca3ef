/** What starts kfold-cv besides a manual start. */
import type { RuleDefinition } from '../../src/builder';
import { DATA_BUCKET } from '../data-bucket';

/** A CSV uploaded under `datasets/kfold/` starts a kfold-cv run on it, with every setting at its default. */
export const kfoldOnUpload: RuleDefinition = {
  name: 'kfold-on-upload',
  description: 'Cross-validate every CSV dataset uploaded under datasets/kfold/',
  eventPattern: {
    source: ['aws.s3'],
    'detail-type': ['Object Created'],
    detail: { bucket: { name: [DATA_BUCKET] }, object: { key: [{ wildcard: 'datasets/kfold/*.csv' }] } },
  },
  target: {
    workflow: 'kfold-cv',
    inputTransformer: {
      InputPathsMap: { bucket: '$.detail.bucket.name', key: '$.detail.object.key' },
      InputTemplate: '{"dataset": {"bucket": <bucket>, "key": <key>}}',
    },
  },
};
