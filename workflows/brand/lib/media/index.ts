export { extensionOf, mediaKind, IMAGE_EXTENSIONS, MEDIA_EXTENSIONS, VIDEO_EXTENSIONS, type MediaKind } from './file-type';
export { MediaError, type MediaErrorCode } from './media-error';
export { ffmpegPath, ffprobePath, FFMPEG_PACKAGE, FFPROBE_PACKAGE } from './binaries';
export { probeMedia, type MediaInfo } from './probe';
export { extractFrames, planSlices, type ExtractedFrame, type SliceSpec } from './extract';
