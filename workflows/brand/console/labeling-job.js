// One labeling job (`#/labeling/<job>`): the frame with its boxes, the frames strip, the brands, the
// boxes of this frame, keyboard shortcuts, and the Submit button. The draft is read first, so a
// reload (or another browser) continues where the labeler was.
import { colourOf, FrameEditor } from './frame-editor.js';
import { JobState } from './job-state.js';
import { JobSync } from './job-sync.js';

export async function jobPage(container, jobName, { bucket, jobsPrefix }, api) {
  const { h } = api;
  const jobRef = { bucket, key: `${jobsPrefix}${jobName}.json` };
  const job = await readJson(api, jobRef);
  const crumbs = h('div', { class: 'crumbs' }, h('a', { href: '#/labeling' }, 'Labeling'), ' / ');
  if (!job) {
    container.append(h('div', { class: 'page-head' }, h('div', {}, crumbs, h('h1', {}, jobName))), h('div', { class: 'empty' }, h('h2', {}, 'No such labeling job'), h('p', {}, 'Nothing is stored under ', h('code', {}, `s3://${bucket}/${jobRef.key}`), '. ', h('a', { href: '#/labeling' }, 'See the open jobs'), '.')));
    return undefined;
  }
  const manifest = await readJson(api, job.manifest);
  const draft = (await readJson(api, job.draft)) ?? { jobName, labels: [], frame: 0, images: {} };
  const view = new JobView(container, new JobState(jobRef, job, manifest?.images ?? [], draft), api, crumbs);
  return () => view.leave();
}

/** A JSON object of the store, or undefined when there is none. */
export async function readJson(api, ref) {
  if (!ref) return undefined;
  const text = await api.getObject(ref.bucket, ref.key);
  return text === undefined ? undefined : JSON.parse(text);
}

class JobView {
  constructor(container, state, api, crumbs) {
    const { h } = api;
    this.state = state;
    this.api = api;
    this.closed = false;
    this.editor = new FrameEditor(state, h, { draw: () => this.draw(), changed: () => this.changed(), select: (index) => this.select(index) });
    this.sync = new JobSync(state, api, {
      saving: () => this.status('saving', 'Saving…'),
      saved: () => this.status('saved', 'All changes saved'),
      failed: (err) => this.status('failed', `Not saved: ${err.name}: ${err.message}`),
      gone: (err) => this.readOnly(`The run no longer waits for these labels (${err.name}).`),
    });
    this.saveStatus = h('span', { class: 'save-status muted', dataset: { state: 'saved' } }, 'All changes saved');
    this.head = h('div', { class: 'page-head' }, h('div', {}, crumbs, h('h1', {}, state.job.jobName)), h('div', { class: 'actions' }, this.saveStatus, h('button', { class: 'primary', onclick: () => this.submit() }, 'Submit labels')));
    this.notice = h('div', { class: 'labeling-notice' });
    this.frameTitle = h('div', { class: 'frame-title' });
    this.strip = h('div', { class: 'frame-strip' });
    this.side = h('div', { class: 'panel side labeling-side' });
    const nav = h('div', { class: 'frame-nav' }, h('button', { class: 'small ghost', onclick: () => this.go(-1), title: 'Previous frame (← or P)' }, '← Previous'), this.frameTitle, h('button', { class: 'small ghost', onclick: () => this.go(1), title: 'Next frame (→ or N)' }, 'Next →'));
    container.append(this.head, this.notice, h('div', { class: 'split labeling' }, h('div', { class: 'panel grow' }, nav, this.editor.element, this.strip), this.side));
    this.onKey = (e) => this.key(e);
    this.onResize = () => this.editor.fit();
    document.addEventListener('keydown', this.onKey);
    window.addEventListener('resize', this.onResize);
    if (state.job.status === 'InProgress') this.sync.startHeartbeat();
    else this.readOnly(`These labels were submitted${state.job.submittedAt ? ` on ${new Date(state.job.submittedAt).toLocaleString()}` : ''}.`);
    this.showFrame();
  }

  leave() {
    document.removeEventListener('keydown', this.onKey);
    window.removeEventListener('resize', this.onResize);
    this.sync.stop();
  }

  showFrame() {
    const { state } = this;
    const image = state.image();
    state.selected = -1;
    this.frameTitle.textContent = image ? `Frame ${state.frame + 1} of ${state.images.length} · ${image.key.split('/').pop()}` : 'This job has no frames';
    if (image) this.editor.show(this.api.objectUrl(state.job.manifest.bucket, image.key));
    this.draw();
  }

  draw() {
    this.editor.draw();
    this.drawStrip();
    this.drawSide();
  }

  drawStrip() {
    const { h } = this.api;
    const { state } = this;
    this.strip.replaceChildren(
      ...state.images.map((image, index) => {
        const count = state.boxesOf(image).length;
        return h('button', { class: `chip${index === state.frame ? ' current' : ''}${count ? ' done' : ''}`, title: `${image.key.split('/').pop()}: ${count} box${count === 1 ? '' : 'es'}`, onclick: () => this.goTo(index) }, String(index + 1));
      }),
    );
  }

  drawSide() {
    const { h } = this.api;
    const { state } = this;
    const labels = state.labels();
    const boxes = state.boxes();
    const newBrand = h('input', { class: 'new-brand', placeholder: 'Add a brand', 'aria-label': 'New brand name' });
    const addBrand = (e) => {
      e.preventDefault();
      const name = newBrand.value.trim();
      if (!name || labels.includes(name) || this.closed) return;
      state.draft.labels = [...(state.draft.labels ?? []), name];
      this.pickBrand(name);
    };
    const boxItem = (box, index) =>
      h('li', { class: index === state.selected ? 'selected' : '', onclick: () => this.select(index) }, h('b', {}, box.label || 'no brand'), ` ${box.width}×${box.height} at ${box.left},${box.top} `, h('button', { class: 'small ghost', title: 'Delete (Del)', onclick: (e) => (e.stopPropagation(), this.remove(index)) }, 'Delete'));
    this.side.replaceChildren(
      h('h2', {}, 'Brand'),
      h('div', { class: 'brands' }, labels.map((label, index) => h('button', { class: `brand-choice${label === state.brand ? ' current' : ''}`, dataset: { brand: label }, style: `--brand:${colourOf(labels, label)}`, onclick: () => this.pickBrand(label) }, index < 9 ? h('kbd', {}, String(index + 1)) : '', ' ', label))),
      h('form', { class: 'add-brand', onsubmit: addBrand }, newBrand, h('button', { class: 'small ghost', type: 'submit' }, 'Add')),
      h('h2', {}, `Boxes on this frame (${boxes.length})`),
      boxes.length === 0 ? h('p', { class: 'muted' }, 'None: drag on the frame to draw one, or leave the frame empty if no logo shows.') : h('ol', { class: 'box-list' }, boxes.map(boxItem)),
      h('p', { class: 'progress' }, `${state.labelledCount()} of ${state.images.length} frames have boxes.`),
      shortcuts(h),
    );
  }

  select(index) {
    this.state.selected = index;
    const box = this.state.boxes()[index];
    if (box?.label) this.state.brand = box.label;
    this.draw();
  }

  remove(index) {
    if (this.closed || index < 0 || index >= this.state.boxes().length) return;
    this.state.entry().boxes.splice(index, 1);
    this.state.selected = -1;
    this.changed();
  }

  pickBrand(label) {
    this.state.brand = label;
    const box = this.state.boxes()[this.state.selected];
    if (box && !this.closed) box.label = label;
    this.changed();
  }

  go(step) {
    this.goTo(this.state.frame + step);
  }

  goTo(index) {
    if (index < 0 || index >= this.state.images.length || index === this.state.frame) return;
    this.state.frame = index;
    this.state.draft.frame = index;
    this.showFrame();
    if (!this.closed) this.sync.saveSoon();
  }

  key(e) {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.ctrlKey || e.metaKey || e.altKey) return;
    const labels = this.state.labels();
    if (e.key === 'ArrowRight' || e.key === 'n' || e.key === 'N') this.go(1);
    else if (e.key === 'ArrowLeft' || e.key === 'p' || e.key === 'P') this.go(-1);
    else if (e.key === 'Delete' || e.key === 'Backspace') this.remove(this.state.selected);
    else if (e.key === 'Escape') this.select(-1);
    else if (/^[1-9]$/.test(e.key) && labels[Number(e.key) - 1] !== undefined) this.pickBrand(labels[Number(e.key) - 1]);
    else return;
    e.preventDefault();
  }

  changed() {
    this.draw();
    if (!this.closed) this.sync.saveSoon();
  }

  status(state, text) {
    this.saveStatus.dataset.state = state;
    this.saveStatus.textContent = text;
    this.saveStatus.classList.toggle('problem', state === 'failed');
  }

  readOnly(why) {
    this.status('closed', 'Read only');
    this.close(why);
  }

  /** Frames stay viewable; nothing can be changed or sent any more. */
  close(why, box = 'error-box') {
    const { h } = this.api;
    this.closed = true;
    this.editor.enabled = false;
    this.sync.stop();
    this.notice.replaceChildren(h('div', { class: box }, why, ' ', h('a', { href: `#/executions/${encodeURIComponent(this.state.job.executionArn)}` }, 'See the execution'), '.'));
    for (const button of this.head.querySelectorAll('button')) button.disabled = true;
  }

  async submit() {
    const { state } = this;
    const all = state.images.map((image) => ({ image, boxes: state.boxesOf(image) }));
    const unnamed = all.filter(({ boxes }) => boxes.some((box) => !box.label)).map(({ image }) => image.key.split('/').pop());
    if (all.every(({ boxes }) => boxes.length === 0)) return this.problem('Draw at least one box before submitting.');
    if (unnamed.length > 0) return this.problem(`Pick a brand for every box first (${unnamed.join(', ')}).`);
    const empty = state.images.length - state.labelledCount();
    if (empty > 0 && !confirm(`${empty} of ${state.images.length} frames have no boxes: submit them as showing no logo?`)) return;
    try {
      this.status('saving', 'Submitting…');
      const boxes = await this.sync.submit();
      this.status('saved', 'Submitted');
      const { h } = this.api;
      this.close([h('strong', {}, 'Labels submitted. '), `${boxes} boxes on ${state.labelledCount()} frames went back to the run, which goes on.`], 'done-box');
    } catch (err) {
      this.status('failed', 'Not submitted');
      this.problem(`${err.name}: ${err.message}`);
    }
  }

  problem(text) {
    this.notice.replaceChildren(this.api.h('div', { class: 'error-box' }, text));
  }
}

function shortcuts(h) {
  const k = (key) => h('kbd', {}, key);
  return h(
    'details',
    { class: 'shortcuts' },
    h('summary', {}, 'Keyboard shortcuts'),
    h('ul', {}, h('li', {}, k('→'), ' / ', k('N'), ' next frame, ', k('←'), ' / ', k('P'), ' previous'), h('li', {}, k('1'), '–', k('9'), ' brand (of the selected box too)'), h('li', {}, k('Del'), ' delete the selected box, ', k('Esc'), ' deselect')),
  );
}
