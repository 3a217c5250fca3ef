/**
 * `statecraft brand train --project NAME --images DIR --annotations FILE [--format flickrlogos|groundtruth]`:
 * uploads the images under `brand/training/<project>/`, the annotations beside the labeling jobs
 * (where no upload rule starts a second run), runs brand-training to the end with progress, and prints
 * the registered model version with its held-out evaluation.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { CommandUsageError, type CommandContext, type PackageCommand } from '../../../src/builder';
import type { ModelVersion } from '../../../src/services';
import { mediaKind } from '../lib/media';
import type { EvaluationSummary } from '../schemas';
import { LABELING_JOBS, TRAINING_UPLOADS } from '../tasks/access';
import { requireSuccess, serverAccess, table, uploadFiles } from './shared';

const USAGE = 'statecraft brand train --project NAME --images DIR --annotations FILE [--format flickrlogos|groundtruth] [--endpoint URL]';
const PROJECT = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

export const trainCommand: PackageCommand = {
  name: 'brand train',
  summary: 'trains a logo detector on labelled images through brand-training; prints the registered version',
  usage: USAGE,
  options: [
    '--project NAME       the project: its uploads go under brand/training/NAME/, the model is named NAME',
    '--images DIR         the images (and videos) to train on: .png .jpg .jpeg .mp4 .m4v .mov',
    '--annotations FILE   the boxes: FlickrLogos-27 lines, or a Ground Truth output manifest',
    '--format F           flickrlogos or groundtruth (default: groundtruth for a .manifest file, else flickrlogos)',
  ],
  client: true,
  run: train,
};

interface TrainingOutput {
  model: ModelVersion;
  evaluation: EvaluationSummary;
  refused: Array<{ image: string; label: string; line: number; reason: string }>;
}

async function train(argv: string[], context: CommandContext): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { project: { type: 'string' }, images: { type: 'string' }, annotations: { type: 'string' }, format: { type: 'string' } } });
  const { project, images, annotations } = values;
  if (!project || !images || !annotations) throw new CommandUsageError('--project, --images and --annotations are required');
  if (!PROJECT.test(project)) throw new CommandUsageError(`--project must be letters, digits, '.', '_' or '-' (at most 100), not '${project}'`);
  const format = values.format ?? (annotations.endsWith('.manifest') ? 'groundtruth' : 'flickrlogos');
  if (format !== 'flickrlogos' && format !== 'groundtruth') throw new CommandUsageError(`--format must be flickrlogos or groundtruth, not '${format}'`);
  if (!(await stat(annotations)).isFile()) throw new CommandUsageError(`${annotations} is not a file`);
  const media = (await readdir(images)).filter((name) => mediaKind(name)).sort();
  if (!media.length) throw new CommandUsageError(`${images} holds no images or videos (.png .jpg .jpeg .mp4 .m4v .mov)`);

  const { objects } = serverAccess(context);
  context.progress(`uploading ${media.length} files to brand/training/${project}/`);
  await uploadFiles(context, objects, media.map((name) => ({ path: join(images, name), key: `${TRAINING_UPLOADS}${project}/${name}` })), 'files');
  const [imported] = await uploadFiles(context, objects, [{ path: annotations, key: `${LABELING_JOBS}${project}/imported/${Date.now()}-${basename(annotations)}` }], 'file');
  const outcome = await context.runWorkflow('brand-training', { project, annotations: { key: imported!.key, format } });
  const output = requireSuccess<TrainingOutput>('brand-training', outcome);
  context.print(formatTraining(output));
  return 0;
}

export function formatTraining({ model, evaluation, refused }: TrainingOutput): string {
  const lines = [
    `registered ${model.modelName} v${model.version} (${model.kind}, ${model.status})`,
    `held-out evaluation on ${evaluation.images} images: accuracy ${evaluation.accuracy.toFixed(4)}  precision ${evaluation.precision.toFixed(4)}  recall ${evaluation.recall.toFixed(4)}  f1 ${evaluation.f1.toFixed(4)}`,
    '',
  ];
  const rows = Object.entries(evaluation.perLabel).map(([brand, s]) => [brand, s.precision.toFixed(4), s.recall.toFixed(4), s.f1.toFixed(4), String(s.support)]);
  const refusals = refused.length ? `\nrefused ${refused.length} box(es):\n${refused.map((r) => `  line ${r.line}: ${r.image} ${r.label}: ${r.reason}`).join('\n')}\n` : '';
  return `${lines.join('\n')}\n${table(['BRAND', 'PRECISION', 'RECALL', 'F1', 'IMAGES'], rows)}${refusals}\napprove it for analysis uploads with: statecraft models approve ${model.modelName} v${model.version}\n`;
}
