/** A media problem with the error name a run's history, Retry and Catch see. */
export type MediaErrorCode = 'UnsupportedFileType' | 'UnreadableMedia' | 'NoVideoStream' | 'FrameExtractionFailed';

export class MediaError extends Error {
  constructor(
    readonly code: MediaErrorCode,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}
