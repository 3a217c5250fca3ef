/**
 * `statecraft brand analyze FILE --model NAME[@VERSION] [--every N] [--json]`: uploads the video or
 * image, runs brand-analysis on it to the end with progress on stderr, and prints the visibility per
 * minute and per brand (`--json`: the report itself).
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { CommandUsageError, type CommandContext, type PackageCommand } from '../../../src/builder';
import { MEDIA_EXTENSIONS, mediaKind } from '../lib/media';
import type { VisibilityReport } from '../schemas';
import { commandFolder, parseModelArgument, percent, requireSuccess, resolveModel, serverAccess, table, uploadFiles } from './shared';

const USAGE = 'statecraft brand analyze FILE --model NAME[@VERSION] [--every N] [--json] [--endpoint URL]';

export const analyzeCommand: PackageCommand = {
  name: 'brand analyze',
  summary: "a video's (or image's) brand visibility per minute, through brand-analysis on a running server",
  usage: USAGE,
  options: [
    'FILE                 a video (.mp4 .m4v .mov) or image (.png .jpg .jpeg)',
    '--model NAME[@VER]   the logo detector; no version: the latest approved, else the latest not rejected',
    '--every N            analyse every Nth frame (default 12)',
    '--json               the report as JSON: { model, sampledFrames, windows, labels }',
  ],
  client: true,
  run: analyze,
};

export class UnsupportedFileType extends Error {
  override readonly name = 'UnsupportedFileType';
}

async function analyze(argv: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { model: { type: 'string' }, every: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (positionals.length !== 1) throw new CommandUsageError('expects one FILE to analyse');
  const file = positionals[0]!;
  const choice = parseModelArgument(values.model);
  const every = values.every === undefined ? undefined : Number(values.every);
  if (every !== undefined && (!Number.isInteger(every) || every < 1 || every > 10000)) throw new CommandUsageError(`--every must be a whole number from 1 to 10000, not '${values.every}'`);
  if (!mediaKind(file)) throw new UnsupportedFileType(`${file}: not a video or image (expected ${MEDIA_EXTENSIONS.map((e) => `.${e}`).join(' ')}, any case)`);
  if (!(await stat(file)).isFile()) throw new UnsupportedFileType(`${file} is not a file`);
  const { objects, models } = serverAccess(context);
  const model = await resolveModel(context, models, choice);
  context.progress(`model ${model.modelName} v${model.version} (${model.status})`);
  const [video] = await uploadFiles(context, objects, [{ path: file, key: `${commandFolder('analyze')}${basename(file)}` }], 'file');
  const outcome = await context.runWorkflow('brand-analysis', { video, model: { name: model.modelName, version: model.version }, ...(every !== undefined && { every }) });
  const output = requireSuccess<{ report: { bucket: string; key: string } }>('brand-analysis', outcome);
  const report = JSON.parse(await objects.getText(output.report)) as VisibilityReport;
  context.print(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatVisibility(report));
  return 0;
}

/** The per-minute table, then each brand's share and when it was first and last seen. */
export function formatVisibility(report: VisibilityReport): string {
  const brands = Object.keys(report.labels).sort();
  const header = `model ${report.model}: ${report.sampledFrames} sampled frames\n\n`;
  const minutes = table(
    ['WINDOW', 'FRAMES', 'ANY BRAND', ...brands],
    report.windows.map((w) => [`${clock(w.start)}–${clock(w.end)}`, String(w.frames), percent(w.overall), ...brands.map((b) => percent(w.labels[b] ?? 0))]),
  );
  if (!brands.length) return `${header}${minutes}\nno brand seen\n`;
  const summary = table(['BRAND', 'SHARE', 'FIRST SEEN', 'LAST SEEN'], brands.map((b) => [b, percent(report.labels[b]!.share), clock(report.labels[b]!.firstSeen), clock(report.labels[b]!.lastSeen)]));
  return `${header}${minutes}\n${summary}`;
}

/** Seconds as m:ss.s */
function clock(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds - minutes * 60;
  return `${minutes}:${rest.toFixed(1).padStart(4, '0')}`;
}
