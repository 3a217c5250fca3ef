// A labeling job as the page holds it: the job record, its frames, the draft (every frame's boxes and
// any brand the labelers added), which frame is shown, the brand new boxes get, the selected box.

export class JobState {
  constructor(jobRef, job, images, draft) {
    this.jobRef = jobRef;
    this.job = job;
    this.images = images;
    this.draft = draft;
    this.frame = Math.min(Math.max(0, draft.frame ?? 0), Math.max(0, images.length - 1));
    this.brand = this.labels()[0] ?? '';
    this.selected = -1;
  }

  /** The job's brands, then those the labelers added; a brand's number is its place here. */
  labels() {
    return [...this.job.labels, ...(this.draft.labels ?? []).filter((l) => !this.job.labels.includes(l))];
  }

  image() {
    return this.images[this.frame];
  }

  /** The current frame's entry in the draft, made on first use. */
  entry() {
    const key = this.image().key;
    this.draft.images[key] ??= { boxes: [] };
    return this.draft.images[key];
  }

  boxes() {
    return this.draft.images[this.image()?.key]?.boxes ?? [];
  }

  boxesOf(image) {
    return this.draft.images[image.key]?.boxes ?? [];
  }

  labelledCount() {
    return this.images.filter((image) => this.boxesOf(image).length > 0).length;
  }
}
