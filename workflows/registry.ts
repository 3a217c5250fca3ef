/**
 * Every workflow package statecraft ships. The local engine, `statecraft synth` and the CDK app
 * all receive this one list; adding a workflow is adding its package here.
 */
import { defineRegistry } from '../src/builder';
import { DATA_BUCKET } from './data-bucket';
import { brandPackage } from './brand';
import { energyPackage } from './energy';
import { kfoldCvPackage } from './kfold-cv';

export const registry = defineRegistry({
  packages: [kfoldCvPackage, brandPackage, energyPackage],
  modelRegistry: { bucket: DATA_BUCKET, prefix: 'model-registry/' },
});
