/**
 * A generated classification dataset for the kfold benchmark, in the spirit of scikit-learn's
 * `make_classification`: each class a Gaussian cluster in a few informative dimensions, the other
 * features noise, and some labels flipped so that no candidate scores perfectly.
 */
import { seededRandom, type Random } from '../src/services';

export interface GeneratedDataset {
  rows: number;
  features: number;
  classes: number;
  seed: number;
}

export function generateClassificationCsv({ rows, features, classes, seed }: GeneratedDataset): string {
  const random = seededRandom(seed);
  const informative = Math.min(5, features);
  const centres = Array.from({ length: classes }, () => Array.from({ length: informative }, () => 3 * (random() * 2 - 1)));
  const header = [...Array.from({ length: features }, (_, i) => `x${i}`), 'label'].join(',');
  const lines = [header];
  for (let row = 0; row < rows; row++) {
    const label = row % classes;
    const values = Array.from({ length: features }, (_, f) => (f < informative ? centres[label][f] : 0) + gaussian(random) * 1);
    const shown = random() < 0.01 ? Math.floor(random() * classes) : label;
    lines.push([...values.map((v) => v.toFixed(6)), `c${shown}`].join(','));
  }
  return lines.join('\n') + '\n';
}

function gaussian(random: Random): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
