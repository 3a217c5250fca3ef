/**
 * `statecraft brand evaluate --model NAME[@VERSION] --images DIR --labels FILE [--json]`: uploads the
 * labelled images, runs brand-evaluation, and prints accuracy, precision and recall per brand and
 * overall (`--json`: `{ accuracy, precision, recall, perBrand, images }`).
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CommandUsageError, type CommandContext, type PackageCommand } from '../../../src/builder';
import { DATA_BUCKET } from '../../data-bucket';
import { parseImageLabels } from '../lib/image-labels';
import type { EvaluationReport } from '../schemas';
import { commandFolder, parseModelArgument, percent, requireSuccess, resolveModel, serverAccess, table, uploadFiles } from './shared';

const USAGE = 'statecraft brand evaluate --model NAME[@VERSION] --images DIR --labels FILE [--json] [--endpoint URL]';

export const evaluateCommand: PackageCommand = {
  name: 'brand evaluate',
  summary: 'scores a logo-detector version on labelled images: accuracy, precision, recall per brand',
  usage: USAGE,
  options: [
    '--model NAME[@VER]   the logo detector; no version: the latest approved, else the latest not rejected',
    '--images DIR         the images the labels file names',
    '--labels FILE        one line per image: image<TAB>brand, "none" for no logo',
    '--json               { accuracy, precision, recall, perBrand, images: [{ image, expected, predicted, confidence }] }',
  ],
  client: true,
  run: evaluate,
};

export class ImagesNotFound extends Error {
  override readonly name = 'ImageNotFound';
}

async function evaluate(argv: string[], context: CommandContext): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { model: { type: 'string' }, images: { type: 'string' }, labels: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const choice = parseModelArgument(values.model);
  if (!values.images || !values.labels) throw new CommandUsageError('--images DIR and --labels FILE are required');
  const labels = parseImageLabels(await readFile(values.labels, 'utf8'));
  const missing = labels.filter((label) => !existsSync(join(values.images!, label.image)));
  if (missing.length) throw new ImagesNotFound(`${missing.length} of the ${labels.length} labelled images are not in ${values.images}: ${missing.slice(0, 5).map((m) => m.image).join(', ')}${missing.length > 5 ? ' …' : ''}`);
  const { objects, models } = serverAccess(context);
  const model = await resolveModel(context, models, choice);
  context.progress(`model ${model.modelName} v${model.version} (${model.status}); ${labels.length} labelled images`);
  const folder = commandFolder('evaluate');
  await uploadFiles(context, objects, labels.map((label) => ({ path: join(values.images!, label.image), key: `${folder}images/${label.image}` })), 'images');
  const [labelsRef] = await uploadFiles(context, objects, [{ path: values.labels, key: `${folder}labels.txt` }], 'file');
  const outcome = await context.runWorkflow('brand-evaluation', { model: { name: model.modelName, version: model.version }, images: { bucket: DATA_BUCKET, prefix: `${folder}images/` }, labels: labelsRef });
  const output = requireSuccess<{ model: string; report: { bucket: string; key: string } }>('brand-evaluation', outcome);
  const report = JSON.parse(await objects.getText(output.report)) as EvaluationReport;
  context.print(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatEvaluation(output.model, report));
  return 0;
}

export function formatEvaluation(model: string, report: EvaluationReport): string {
  const rows = Object.entries(report.perBrand).map(([brand, s]) => [brand, s.precision.toFixed(4), s.recall.toFixed(4), s.f1.toFixed(4), String(s.support)]);
  const overall = `${report.images.length} images, model ${model}\naccuracy ${report.accuracy.toFixed(4)}  precision ${report.precision.toFixed(4)}  recall ${report.recall.toFixed(4)}\n\n`;
  const right = report.images.filter((i) => i.predicted === i.expected).length;
  return `${overall}${table(['BRAND', 'PRECISION', 'RECALL', 'F1', 'IMAGES'], rows)}\n${right} of ${report.images.length} images right (${percent(report.accuracy)})\n`;
}
