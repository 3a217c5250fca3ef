/** The inputs brand workflows accept, by extension (case-insensitive), as the issue lists them. */
export const VIDEO_EXTENSIONS = ['mp4', 'm4v', 'mov'] as const;
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg'] as const;
export const MEDIA_EXTENSIONS: readonly string[] = [...VIDEO_EXTENSIONS, ...IMAGE_EXTENSIONS];

export type MediaKind = 'video' | 'image';

/** `clip.MOV` → `mov`; a key without an extension → `''`. */
export function extensionOf(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function mediaKind(key: string): MediaKind | undefined {
  const ext = extensionOf(key);
  if ((VIDEO_EXTENSIONS as readonly string[]).includes(ext)) return 'video';
  if ((IMAGE_EXTENSIONS as readonly string[]).includes(ext)) return 'image';
  return undefined;
}
