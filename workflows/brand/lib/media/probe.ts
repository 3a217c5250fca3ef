/** What ffprobe says of a video or image: the numbers frame sampling needs. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ffprobePath } from './binaries';
import { MediaError } from './media-error';

const run = promisify(execFile);

export interface MediaInfo {
  width: number;
  height: number;
  /** Frames per second (1 for a still image). */
  fps: number;
  /** Decoded frames: the stream's count when the container has it, else duration × fps. */
  frameCount: number;
  durationSeconds: number;
  codec: string;
}

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  nb_frames?: string;
  duration?: string;
}

/** Probes the file at `path`; `name` is what the error messages call it. */
export async function probeMedia(path: string, name: string): Promise<MediaInfo> {
  let stdout: string;
  try {
    ({ stdout } = await run(ffprobePath(), ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', path], { maxBuffer: 16 << 20 }));
  } catch (err) {
    const detail = ((err as { stderr?: string }).stderr ?? (err as Error).message).trim().split('\n').pop();
    throw new MediaError('UnreadableMedia', `ffprobe cannot read ${name}: ${detail || 'not a video or image file'}`);
  }
  const parsed = JSON.parse(stdout) as { streams?: FfprobeStream[]; format?: { duration?: string } };
  const stream = parsed.streams?.find((s) => s.codec_type === 'video' && s.width && s.height);
  if (!stream) throw new MediaError('NoVideoStream', `${name} has no video or image stream that ffprobe can read.`);
  const fps = rate(stream.avg_frame_rate) || rate(stream.r_frame_rate) || 1;
  const durationSeconds = Number(stream.duration ?? parsed.format?.duration ?? 0) || 0;
  const counted = Number(stream.nb_frames ?? NaN);
  const frameCount = Number.isFinite(counted) && counted > 0 ? counted : Math.max(1, Math.round(durationSeconds * fps));
  return { width: stream.width!, height: stream.height!, fps, frameCount, durationSeconds, codec: stream.codec_name ?? 'unknown' };
}

/** `30000/1001` → 29.97; `0/0` → 0. */
function rate(text: string | undefined): number {
  if (!text) return 0;
  const [num, den] = text.split('/').map(Number);
  const value = den ? num! / den : Number(num);
  return Number.isFinite(value) && value > 0 && value < 1000 ? value : 0;
}
