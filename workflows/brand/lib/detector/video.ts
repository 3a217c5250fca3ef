/**
 * The fused detector over a video's sampled frames, in time order: the full detector (backbone, head,
 * ORB) runs on key frames only (`key-frames.ts`); a frame between is decoded, and the brands the last
 * key frame's head proposed are verified on it with ORB. The photo path (`loadFused`) is untouched.
 */
import { backboneFeatures, backboneInputFromRgb, type BackboneInput, type ImageFeatures } from './backbone';
import { decodeFrame } from './frame';
import { candidateScorer, inlierFloor, ORB, reported, type Proposals } from './fused';
import { ransacHomography, type HomographyFinder } from './homography';
import { KEY_FRAME_RULE, KeyFrameChooser, type KeyFrameRule } from './key-frames';
import type { FusedLogoModel } from './model';
import { timed, type StageTimer } from './stages';
import type { Detection } from './types';

export interface FrameResult {
  detections: Detection[];
  /** The full detector ran on this frame. */
  key: boolean;
  /** The brands verified with ORB on this frame: its own head's candidates on a key frame, else the last key frame's. */
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
   * The RANSAC that verifies ORB's matches. @default `ransacHomography`: OpenCV's decides the same
   * brands but costs more per call than the fit in its copying (`npm run bench:brand-ransac`).
   */
  homography?: HomographyFinder;
}

export function loadFusedVideo(model: FusedLogoModel, options: VideoOptions = {}): FrameSequenceDetector {
  const features = options.features ?? backboneFeatures;
  // Feature maps are what the head sees, so the scorer's own source is never called here.
  const scorer = candidateScorer(model, () => Promise.reject(new Error('video frames are decoded once')), model.candidates, options.homography ?? ((src, dst) => ransacHomography(src, dst)));
  const most = Math.max(0, ...scorer.templateSizes());
  const floor = (head: number) => inlierFloor(model.fusion, head, most);
  return {
    async detectFrames(frames, timer) {
      const chooser = new KeyFrameChooser(options.rule ?? KEY_FRAME_RULE);
      let proposals: Proposals | undefined;
      const results: FrameResult[] = [];
      for (const encoded of frames) {
        const frame = await timed(timer, 'decode', () => decodeFrame(encoded, ORB.imageSide));
        const key = chooser.next(frame.thumbnail);
        if (key) {
          const input = await timed(timer, 'decode', () => backboneInputFromRgb(frame.rgb, frame.width, frame.height));
          proposals = await scorer.propose(await timed(timer, 'backbone', () => features(input)), timer);
        }
        // Between key frames each candidate keeps the key frame's head probability for its brand: the
        // fusion needs one, and the head did not look at this frame. Its inliers are this frame's own.
        const scored = await scorer.verify(frame.gray, proposals!, timer, floor);
        results.push({ detections: reported(model.fusion, scored), key, verified: proposals!.top.map((t) => t.label) });
      }
      return results;
    },
  };
}
