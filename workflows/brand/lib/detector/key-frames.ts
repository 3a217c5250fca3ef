/**
 * Which sampled frames of a video get the full detector (backbone, head and ORB): a key frame when
 * the picture has changed since the last key frame (a scene cut: the mean absolute difference of
 * their grayscale thumbnails above `cut` gray levels) or when `every` frames have passed, and always
 * the first frame of a sequence. The frames between are only verified with ORB against the brands
 * the last key frame's head proposed (which of them on which frame: `SWEEP` in `video.ts`).
 */
import { meanAbsoluteDifference, type Thumbnail } from './frame';

export interface KeyFrameRule {
  /** A key frame at least every this many frames (1: every frame is one). */
  every: number;
  /** Mean absolute thumbnail difference, in gray levels, above which a frame is a key frame. */
  cut: number;
}

/**
 * Chosen on the 2-minute bench video's 300 sampled frames (`npm run bench:brand-keyframes`, see
 * bench/README.md): frame-to-frame differences within a scene reach 9 gray levels, scene cuts 62 and
 * more. A cut of 6 also catches a logo coming on screen, which a cut between 9 and 62 misses until
 * the next periodic key frame: it is the largest that keeps every brand the detector finds on every
 * frame, with a quarter of the frames key frames and the average visibility error 0.05 points above
 * the detector on every frame. Past that, K matters little (16: 25.0 % key frames, 8: 27.7 %, 25:
 * 23.3 %); 16 frames (6.4 s at every 12th frame of 30 fps) bounds how long a brand can stay unproposed.
 */
export const KEY_FRAME_RULE: KeyFrameRule = { every: 16, cut: 6 };

/** Decides, frame after frame in time order, which are key frames. */
export class KeyFrameChooser {
  private last: Thumbnail | undefined;
  private since = 0;

  constructor(private readonly rule: KeyFrameRule = KEY_FRAME_RULE) {
    if (!(rule.every >= 1) || !Number.isInteger(rule.every)) throw new RangeError(`A key frame rule's every must be a whole number ≥ 1, not ${rule.every}`);
    if (!(rule.cut >= 0)) throw new RangeError(`A key frame rule's cut must be ≥ 0, not ${rule.cut}`);
  }

  /** Whether the next frame (its thumbnail) is a key frame. */
  next(thumbnail: Thumbnail): boolean {
    const key = this.last === undefined || this.since >= this.rule.every || meanAbsoluteDifference(thumbnail, this.last) > this.rule.cut;
    if (key) {
      this.last = thumbnail;
      this.since = 1;
    } else {
      this.since++;
    }
    return key;
  }
}
