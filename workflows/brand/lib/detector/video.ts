/**
 * The fused detector over a video's sampled frames, in time order: the full detector (backbone, head,
 * ORB) runs on key frames only (`key-frames.ts`); on a frame between, ORB verifies only the brands it
 * matched on the last key frame, except on every `sweep`th frame, which verifies all the key frame
 * proposed; a frame with no brand to verify is not searched at all.
 * Every brand the key frame's head proposed keeps its head probability (and the zoomed second look's,
 * with a model of format 4) in the fusion, so a brand the head alone puts past the threshold is
 * reported on the frames between as well. The photo path
 * (`loadFused`) is untouched.
 */
import { backboneFeatures, backboneInputFromRgb, type BackboneInput, type ImageFeatures } from './backbone';
import { decodeFrame } from './frame';
import { candidateScorer, inlierFloor, ORB, reported, windowBox, type Looked, type Proposals, type Scored } from './fused';
import { ransacHomography, type HomographyFinder } from './homography';
import { KEY_FRAME_RULE, KeyFrameChooser, type KeyFrameRule } from './key-frames';
import type { GrayImage } from './gray';
import type { FusedLogoModel } from './model';
import { timed, type StageTimer } from './stages';
import type { Detection } from './types';

export interface FrameResult {
  detections: Detection[];
  /** The full detector ran on this frame. */
  key: boolean;
  /** The brands verified with ORB on this frame: its own head's candidates on a key frame, else those `between` keeps of the last key frame's. */
  verified: string[];
}

export interface FrameSequenceDetector {
  /** Each frame's result, in the order given; the frames are consecutive samples of one video. */
  detectFrames(frames: readonly Uint8Array[], timer?: StageTimer): Promise<FrameResult[]>;
}

export interface VideoOptions {
  rule?: KeyFrameRule;
  /** The backbone (a stand-in in tests). */
  features?: (input: BackboneInput) => Promise<ImageFeatures>;
  /**
   * The RANSAC that verifies ORB's matches. @default `ransacHomography`: it counts the inliers OpenCV's
   * counts at a sixth of its cost (`npm run bench:brand-ransac`).
   */
  homography?: HomographyFinder;
  /**
   * Between key frames ORB verifies every brand the key frame proposed only on every `sweep`th frame
   * after it (a sweep); on the others, only the brands it matched (FLOOR inliers or more) on the key
   * frame or a sweep since. 1 verifies every proposed brand on every frame. @default SWEEP
   */
  sweep?: number;
}

/**
 * Chosen on the bench videos (`npm run bench:brand-keyframes`, bench/README.md): verifying only the
 * key frame's matched brands decides as verifying them all on every frame of the 2-minute video, with
 * 223 of its 225 frames between spared ORB, but on the 10-minute one loses a logo that comes on screen
 * after its key frame without a cut; a sweep every 4th frame finds such a logo at most 3 frames late.
 */
export const SWEEP = 4;

export function loadFusedVideo(model: FusedLogoModel, options: VideoOptions = {}): FrameSequenceDetector {
  const features = options.features ?? backboneFeatures;
  // Feature maps are what the head sees, so the scorer's own source is never called here.
  const scorer = candidateScorer(model, () => Promise.reject(new Error('video frames are decoded once')), model.candidates, options.homography ?? ransacHomography);
  const most = Math.max(0, ...scorer.templateSizes());
  const floor = (c: Looked) => inlierFloor(model.fusion, c, most);
  const sweep = options.sweep ?? SWEEP;
  return {
    async detectFrames(frames, timer) {
      const chooser = new KeyFrameChooser(options.rule ?? KEY_FRAME_RULE);
      let proposals: Proposals | undefined;
      let matched = new Set<string>();
      let sinceKey = 0;
      const results: FrameResult[] = [];
      for (const encoded of frames) {
        const frame = await timed(timer, 'decode', () => decodeFrame(encoded, ORB.imageSide));
        const key = chooser.next(frame.thumbnail);
        if (key) {
          const input = await timed(timer, 'decode', () => backboneInputFromRgb(frame.rgb, frame.width, frame.height));
          proposals = await scorer.propose(await timed(timer, 'backbone', () => features(input)), timer);
          // The zoomed second look (a model of format 4) is taken on key frames only and kept, as the head's probabilities are.
          proposals = await scorer.look({ rgb: frame.rgb, width: frame.width, height: frame.height }, proposals, timer);
          matched = new Set();
          sinceKey = 0;
        } else sinceKey++;
        const all = sinceKey % sweep === 0;
        const chosen = all ? proposals!.top : proposals!.top.filter((t) => matched.has(t.label));
        // A frame that verifies every brand does so without floors, so that it finds every match of
        // FLOOR inliers the frames after it go by; floors only spare work, its detections are the same.
        const scored = await verifyChosen(proposals!, chosen, frame.gray, all && sweep > 1 ? undefined : floor, timer);
        if (all) for (const c of scored) if (c.inliers > 0) matched.add(c.label);
        results.push({ detections: reported(model.fusion, scored), key, verified: chosen.map((t) => t.label) });
      }
      return results;
    },
  };

  /**
   * Between key frames each candidate keeps the key frame's head probability for its brand: the fusion
   * needs one, and the head did not look at this frame. A verified brand's inliers and box are this
   * frame's own; one left unverified has no inliers and the key frame's window.
   */
  async function verifyChosen(proposals: Proposals, chosen: Proposals['top'], gray: GrayImage, floors: ((c: Looked) => number) | undefined, timer?: StageTimer): Promise<Scored[]> {
    const verified = chosen.length ? await scorer.verify(gray, { top: chosen, grid: proposals.grid }, timer, floors) : [];
    const byLabel = new Map(verified.map((v) => [v.label, v]));
    return proposals.top.map((t) => byLabel.get(t.label) ?? { label: t.label, head: t.head, inliers: 0, box: windowBox(t.window, proposals.grid), ...(t.zoom !== undefined && { zoom: t.zoom }) });
  }
}
