// What the labeling page tells the store and the run: the draft, saved shortly after each change
// (writes one after another, so the last one wins); heartbeats well within the task's heartbeat; and
// the submission — the Ground Truth manifest, SendTaskSuccess with its location, the job marked done.
import { groundTruthManifest } from './ground-truth.js';

const SAVE_DELAY_MS = 300;
/** Errors of SendTaskHeartbeat that mean the run no longer waits for this job. */
const GONE = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

export class JobSync {
  /** @param on `{ saving(), saved(), failed(err), gone(err) }` for the page to show */
  constructor(state, api, on) {
    this.state = state;
    this.api = api;
    this.on = on;
    this.writes = Promise.resolve();
  }

  saveSoon() {
    this.on.saving();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const { draft, job } = this.state;
      const body = JSON.stringify({ ...draft, jobName: job.jobName, savedAt: new Date().toISOString() });
      this.writes = this.writes
        .then(() => this.api.putObject(job.draft.bucket, job.draft.key, body))
        .then(() => this.timer === undefined && this.on.saved(), (err) => this.on.failed(err));
    }, SAVE_DELAY_MS);
  }

  /** Beats now and then every quarter of the task's heartbeat (5 s to a minute apart). */
  startHeartbeat() {
    const seconds = this.state.job.heartbeatSeconds;
    if (!seconds) return;
    const beat = async () => {
      try {
        await this.api.sfn('SendTaskHeartbeat', { taskToken: this.state.job.taskToken });
      } catch (err) {
        if (!GONE.has(err.name)) return; // a passing failure: the next beat tries again
        this.stop();
        this.on.gone(err);
      }
    };
    beat();
    this.heartbeat = setInterval(beat, Math.min(60_000, Math.max(5_000, seconds * 250)));
  }

  stop() {
    clearInterval(this.heartbeat);
    clearTimeout(this.timer);
  }

  /** Sends every frame's boxes back; resolves with the number of boxes sent. */
  async submit() {
    const { state, api } = this;
    const { job } = state;
    clearTimeout(this.timer);
    await this.writes;
    const images = await Promise.all(state.images.map(async (image) => ({ image, boxes: state.boxesOf(image), ...(await this.size(image)) })));
    await api.putObject(job.output.bucket, job.output.key, groundTruthManifest(images, state.labels(), job.jobName), 'application/x-ndjson');
    await api.sfn('SendTaskSuccess', { taskToken: job.taskToken, output: JSON.stringify({ bucket: job.output.bucket, key: job.output.key, format: 'groundtruth' }) });
    this.stop();
    await api.putObject(state.jobRef.bucket, state.jobRef.key, JSON.stringify({ ...job, status: 'Completed', submittedAt: new Date().toISOString() }));
    return images.reduce((n, i) => n + i.boxes.length, 0);
  }

  /** The image's size as drawn on, loading the images never opened. */
  async size(image) {
    const entry = this.state.draft.images[image.key];
    if (entry?.width) return { width: entry.width, height: entry.height };
    const img = new Image();
    img.src = this.api.objectUrl(this.state.job.manifest.bucket, image.key);
    await img.decode();
    return { width: img.naturalWidth, height: img.naturalHeight };
  }
}
