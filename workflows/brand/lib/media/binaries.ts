/**
 * The ffmpeg and ffprobe executables, shipped inside npm packages so that `npm ci` is the whole
 * set-up (packages that download a binary at install time fail offline). The same packages are the
 * workflow package's `nativePackages`, so Lambda functions carry them.
 */
import { dirname, join } from 'node:path';

export const FFMPEG_PACKAGE = '@ffmpeg-installer/linux-x64';
export const FFPROBE_PACKAGE = '@ffprobe-installer/linux-x64';

const binaryOf = (pkg: string, name: string) => join(dirname(require.resolve(`${pkg}/package.json`)), name);

export const ffmpegPath = (): string => binaryOf(FFMPEG_PACKAGE, 'ffmpeg');
export const ffprobePath = (): string => binaryOf(FFPROBE_PACKAGE, 'ffprobe');
