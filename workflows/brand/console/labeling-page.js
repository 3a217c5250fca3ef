// The console's labeling page for brand-training's WaitForLabels: the open labeling jobs
// (`#/labeling`), and one job's frames (`#/labeling/<job>`) on which people draw, move, resize and
// delete boxes and pick each box's brand. Every change is saved to the job's draft object, so a
// reload loses nothing; submitting writes a Ground Truth output manifest (what CollectAnnotations
// reads) and sends the task token back with SendTaskSuccess. While a job is open the page sends
// SendTaskHeartbeat well within the task's heartbeat. It uses the endpoint's S3 and Step Functions
// APIs as any client does (the console hands them over as `api`).
// One file: the console serves a page as a single module.

/** Boxes smaller than this (image pixels) on either side are a slip of the mouse, not a box. */
const MIN_SIDE = 4;
const SAVE_DELAY_MS = 300;
/** The frame's height at most, in CSS pixels: with the page head, a whole frame fits a 1280×800 screen. */
const STAGE_HEIGHT = 540;
const COLOURS = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324', '#469990', '#808000'];
const RUNNING = 'RUNNING';

/** The page's own look, beside the console's styles (a package brings no stylesheet file). */
const STYLE = `
.labeling .frame-stage { position: relative; width: 100%; max-height: 540px; display: flex; justify-content: center; background: #141a26; border-radius: 6px; overflow: hidden; }
.labeling .frame-stage img { display: block; user-select: none; pointer-events: none; }
.labeling .frame-inner { position: relative; line-height: 0; }
.labeling .frame-boxes { position: absolute; inset: 0; width: 100%; height: 100%; cursor: crosshair; touch-action: none; }
.labeling .frame-boxes g.box .body { cursor: move; }
.labeling .frame-boxes .handle { cursor: nwse-resize; }
.labeling .frame-boxes .handle[data-handle=ne], .labeling .frame-boxes .handle[data-handle=sw] { cursor: nesw-resize; }
.labeling .frame-nav { display: flex; align-items: center; justify-content: space-between; gap: 10px; margin-bottom: 10px; }
.labeling .frame-title { font-weight: 600; }
.labeling .frame-strip { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 10px; }
.labeling .frame-strip .chip { background: #eceef1; }
.labeling .frame-strip .chip.done { background: #e3f5ea; color: #1f8a4c; }
.labeling .frame-strip .chip.current { outline: 2px solid #2f6fde; }
.labeling-side .brands { display: flex; flex-direction: column; gap: 4px; margin-bottom: 8px; }
.labeling-side .brand-choice { justify-content: flex-start; border-left: 5px solid var(--brand); }
.labeling-side .brand-choice.current { background: #e6efff; border-color: var(--brand); font-weight: 700; }
.labeling-side .add-brand { display: flex; gap: 6px; margin-bottom: 14px; }
.labeling-side .add-brand input { flex: 1; min-width: 0; padding: 4px 8px; border: 1px solid #e3e6eb; border-radius: 6px; font: inherit; }
.labeling-side .box-list { padding-left: 20px; margin: 0 0 10px; }
.labeling-side .box-list li { padding: 3px 0; cursor: pointer; }
.labeling-side .box-list li.selected { font-weight: 700; }
.labeling-side kbd, .shortcuts kbd { font: 11px ui-monospace, monospace; border: 1px solid #c6ccd6; border-bottom-width: 2px; border-radius: 4px; padding: 0 4px; background: #fff; }
.done-box { background: #e3f5ea; border: 1px solid #b7e2c6; color: #14532d; border-radius: 6px; padding: 10px 12px; margin: 8px 0 12px; }
.save-status[data-state=saved] { color: #1f8a4c; }
`;

export async function render(container, { path, settings }, api) {
  if (!document.getElementById('brand-labeling-style')) document.head.append(api.h('style', { id: 'brand-labeling-style' }, STYLE));
  if (path) return jobPage(container, decodeURIComponent(path), settings, api);
  await jobList(container, settings, api);
  return undefined;
}

// ——— the list of jobs ———

async function jobList(container, { bucket, jobsPrefix }, api) {
  const { h } = api;
  container.append(h('div', { class: 'page-head' }, h('h1', {}, 'Labeling')));
  const jobs = await readJobs(bucket, jobsPrefix, api);
  const open = jobs.filter((job) => job.open);
  const closed = jobs.filter((job) => !job.open);
  if (open.length === 0) {
    container.append(
      h(
        'div',
        { class: 'empty labeling-empty' },
        h('h2', {}, 'No labeling jobs are open'),
        h('p', {}, 'A brand-training run without annotations opens one when it reaches WaitForLabels: upload images or videos under ', h('code', {}, 'brand/training/<project>/'), ' or start brand-training from the Workflows page. Its frames then wait here for boxes.'),
      ),
    );
  } else {
    container.append(h('div', { class: 'cards' }, open.map((job) => jobCard(job, api))));
  }
  if (closed.length > 0) {
    container.append(
      h(
        'section',
        { class: 'panel labeling-closed' },
        h('h2', {}, 'Closed jobs'),
        h('table', { class: 'table' }, h('thead', {}, h('tr', {}, ['Job', 'Why closed', 'Created', 'Execution'].map((t) => h('th', {}, t)))), h('tbody', {}, closed.map((job) => h('tr', {}, h('td', {}, job.jobName), h('td', {}, job.closedBecause), h('td', { class: 'muted' }, when(job.createdAt)), h('td', {}, executionLink(job, api)))))),
      ),
    );
  }
}

function jobCard(job, { h }) {
  return h(
    'article',
    { class: 'card labeling-job', dataset: { job: job.jobName } },
    h('header', {}, h('h2', {}, job.jobName), h('a', { class: 'button primary', href: `#/labeling/${encodeURIComponent(job.jobName)}` }, 'Label')),
    h('div', { class: 'counts' }, fact(h, 'frames', job.frames), fact(h, 'labelled', job.labelled), fact(h, 'boxes', job.boxes)),
    h('p', { class: 'muted' }, job.labels.length ? `Brands: ${job.labels.join(', ')}` : 'No brands given: labelers name them.'),
    h('p', { class: 'hint' }, 'Opened ', when(job.createdAt), ' by ', h('a', { href: `#/executions/${encodeURIComponent(job.executionArn)}` }, job.jobName)),
  );
}

function fact(h, label, value) {
  return h('span', { class: 'count' }, h('b', {}, String(value)), ` ${label}`);
}

/** Every job with its manifest's size, its draft's progress, and whether it still waits for labels. */
async function readJobs(bucket, prefix, api) {
  const { objects } = await api.listObjects(bucket, prefix);
  const jobs = [];
  for (const { key } of objects.filter((o) => o.key.endsWith('.json'))) {
    const job = JSON.parse((await api.getObject(bucket, key)) ?? 'null');
    if (!job) continue;
    const [manifest, draft, status] = await Promise.all([readJson(api, job.manifest), readJson(api, job.draft), executionStatus(job, api)]);
    const images = Object.values(draft?.images ?? {});
    jobs.push({
      ...job,
      frames: manifest?.images.length ?? 0,
      labelled: images.filter((image) => image.boxes.length > 0).length,
      boxes: images.reduce((n, image) => n + image.boxes.length, 0),
      open: job.status === 'InProgress' && status === RUNNING,
      closedBecause: job.status === 'Completed' ? `labels submitted ${when(job.submittedAt)}` : `the run is ${String(status).toLowerCase().replace(/_/g, ' ')}`,
    });
  }
  return jobs.sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
}

async function executionStatus(job, api) {
  if (!job.executionArn) return RUNNING;
  try {
    return (await api.sfn('DescribeExecution', { executionArn: job.executionArn })).status;
  } catch {
    return 'gone';
  }
}

async function readJson(api, ref) {
  if (!ref) return undefined;
  const text = await api.getObject(ref.bucket, ref.key);
  return text === undefined ? undefined : JSON.parse(text);
}

function executionLink(job, { h }) {
  return job.executionArn ? h('a', { href: `#/executions/${encodeURIComponent(job.executionArn)}` }, job.executionArn.split(':').pop()) : '';
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString(undefined, { month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '';
}

// ——— one job ———

async function jobPage(container, jobName, { bucket, jobsPrefix }, api) {
  const { h } = api;
  const jobKey = `${jobsPrefix}${jobName}.json`;
  const job = JSON.parse((await api.getObject(bucket, jobKey)) ?? 'null');
  const crumbs = h('div', { class: 'crumbs' }, h('a', { href: '#/labeling' }, 'Labeling'), ' / ');
  if (!job) {
    container.append(h('div', { class: 'page-head' }, h('div', {}, crumbs, h('h1', {}, jobName))), h('div', { class: 'empty' }, h('h2', {}, 'No such labeling job'), h('p', {}, 'It may have been made by another endpoint. ', h('a', { href: '#/labeling' }, 'See the open jobs'), '.')));
    return undefined;
  }
  const manifest = await readJson(api, job.manifest);
  const draft = (await readJson(api, job.draft)) ?? { jobName, labels: [], frame: 0, images: {} };
  const state = new JobState({ bucket, key: jobKey }, job, manifest.images, draft);
  const ui = new JobView(container, state, api, crumbs);
  return ui.leave;
}

/** The job's frames and boxes, the brands, the selection: everything the view draws from. */
class JobState {
  constructor(jobRef, job, images, draft) {
    this.jobRef = jobRef;
    this.job = job;
    this.images = images;
    this.draft = draft;
    this.frame = Math.min(Math.max(0, draft.frame ?? 0), Math.max(0, images.length - 1));
    this.brand = this.labels()[0] ?? '';
    this.selected = -1;
  }

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

  labelledCount() {
    return this.images.filter((image) => (this.draft.images[image.key]?.boxes.length ?? 0) > 0).length;
  }
}

class JobView {
  constructor(container, state, api, crumbs) {
    this.state = state;
    this.api = api;
    this.container = container;
    this.saving = Promise.resolve();
    this.closed = false;
    const { h } = api;
    this.saveStatus = h('span', { class: 'save-status muted', dataset: { state: 'saved' } }, 'All changes saved');
    this.head = h('div', { class: 'page-head' }, h('div', {}, crumbs, h('h1', {}, state.job.jobName)), h('div', { class: 'actions' }, this.saveStatus, h('button', { class: 'primary', onclick: () => this.submit() }, 'Submit labels')));
    this.notice = h('div', { class: 'labeling-notice' });
    this.img = h('img', { class: 'frame-image', alt: '', draggable: 'false' });
    this.svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    this.svg.classList.add('frame-boxes');
    this.stage = h('div', { class: 'frame-stage' }, h('div', { class: 'frame-inner' }, this.img, this.svg));
    this.frameTitle = h('div', { class: 'frame-title' });
    this.strip = h('div', { class: 'frame-strip' });
    this.side = h('div', { class: 'panel side labeling-side' });
    container.append(
      this.head,
      this.notice,
      h('div', { class: 'split labeling' }, h('div', { class: 'panel grow' }, h('div', { class: 'frame-nav' }, h('button', { class: 'small ghost', onclick: () => this.go(-1), title: 'Previous frame (← or P)' }, '← Previous'), this.frameTitle, h('button', { class: 'small ghost', onclick: () => this.go(1), title: 'Next frame (→ or N)' }, 'Next →')), this.stage, this.strip), this.side),
    );
    this.img.addEventListener('load', () => this.imageLoaded());
    this.svg.addEventListener('pointerdown', (e) => this.pointerDown(e));
    this.svg.addEventListener('pointermove', (e) => this.pointerMove(e));
    this.svg.addEventListener('pointerup', () => this.pointerUp());
    this.svg.addEventListener('pointercancel', () => this.pointerUp());
    this.onKey = (e) => this.key(e);
    document.addEventListener('keydown', this.onKey);
    this.heartbeat = this.startHeartbeat();
    this.leave = () => {
      document.removeEventListener('keydown', this.onKey);
      clearInterval(this.heartbeat);
      clearTimeout(this.saveTimer);
    };
    this.showFrame();
  }

  // ——— drawing ———

  showFrame() {
    const { state } = this;
    const image = state.image();
    state.selected = -1;
    this.svg.removeAttribute('viewBox');
    this.frameTitle.textContent = image ? `Frame ${state.frame + 1} of ${state.images.length} · ${image.key.split('/').pop()}` : 'This job has no frames';
    if (image) this.img.src = this.api.objectUrl(state.job.manifest.bucket, image.key);
    this.draw();
  }

  imageLoaded() {
    const entry = this.state.entry();
    const { naturalWidth: width, naturalHeight: height } = this.img;
    if (entry.width !== width || entry.height !== height) {
      entry.width = width;
      entry.height = height;
    }
    // Small frames are drawn larger: boxes are easier to place on a bigger picture.
    const scale = Math.min(this.stage.clientWidth / width, STAGE_HEIGHT / height);
    this.img.style.width = `${Math.round(width * scale)}px`;
    this.img.style.height = `${Math.round(height * scale)}px`;
    this.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    this.draw();
  }

  draw() {
    const { state } = this;
    const boxes = state.boxes();
    const width = Number(this.svg.getAttribute('viewBox')?.split(' ')[2] ?? 0);
    const handle = Math.max(6, width / 80);
    const labels = state.labels();
    const parts = boxes.map((box, index) => {
      const colour = colourOf(labels, box.label);
      const chosen = index === state.selected;
      const handles = chosen ? corners(box).map(([name, x, y]) => svgEl('rect', { class: 'handle', 'data-handle': name, x: x - handle / 2, y: y - handle / 2, width: handle, height: handle, fill: '#fff', stroke: colour })) : [];
      return svgEl(
        'g',
        { class: `box${chosen ? ' selected' : ''}`, 'data-index': index, 'data-label': box.label },
        svgEl('rect', { class: 'body', x: box.left, y: box.top, width: box.width, height: box.height, fill: colour, 'fill-opacity': chosen ? 0.18 : 0.08, stroke: colour, 'stroke-width': Math.max(2, width / 320) }),
        svgEl('text', { x: box.left + 3, y: Math.max(handle * 2, box.top - 4), fill: colour, 'font-size': Math.max(12, width / 40), 'font-weight': 700 }, box.label || 'no brand'),
        ...handles,
      );
    });
    this.svg.replaceChildren(...parts);
    this.drawStrip();
    this.drawSide();
  }

  drawStrip() {
    const { h } = this.api;
    const { state } = this;
    this.strip.replaceChildren(
      ...state.images.map((image, index) => {
        const count = state.draft.images[image.key]?.boxes.length ?? 0;
        return h('button', { class: `chip${index === state.frame ? ' current' : ''}${count ? ' done' : ''}`, title: `${image.key.split('/').pop()}: ${count} box${count === 1 ? '' : 'es'}`, onclick: () => this.goTo(index) }, String(index + 1));
      }),
    );
  }

  drawSide() {
    const { h } = this.api;
    const { state } = this;
    const labels = state.labels();
    const newBrand = h('input', { class: 'new-brand', placeholder: 'Add a brand', 'aria-label': 'New brand name' });
    const addBrand = (e) => {
      e.preventDefault();
      const name = newBrand.value.trim();
      if (!name || labels.includes(name)) return;
      state.draft.labels = [...(state.draft.labels ?? []), name];
      this.pickBrand(name);
    };
    const boxes = state.boxes();
    this.side.replaceChildren(
      h('h2', {}, 'Brand'),
      h(
        'div',
        { class: 'brands' },
        labels.map((label, index) => h('button', { class: `brand-choice${label === state.brand ? ' current' : ''}`, dataset: { brand: label }, style: `--brand:${colourOf(labels, label)}`, onclick: () => this.pickBrand(label) }, index < 9 ? h('kbd', {}, String(index + 1)) : '', ' ', label)),
      ),
      h('form', { class: 'add-brand', onsubmit: addBrand }, newBrand, h('button', { class: 'small ghost', type: 'submit' }, 'Add')),
      h('h2', {}, `Boxes on this frame (${boxes.length})`),
      boxes.length === 0 ? h('p', { class: 'muted' }, 'None: drag on the frame to draw one, or leave the frame empty if no logo shows.') : h('ol', { class: 'box-list' }, boxes.map((box, index) => h('li', { class: index === state.selected ? 'selected' : '', onclick: () => this.select(index) }, h('b', {}, box.label || 'no brand'), ` ${box.width}×${box.height} at ${box.left},${box.top} `, h('button', { class: 'small ghost', title: 'Delete (Del)', onclick: (e) => (e.stopPropagation(), this.remove(index)) }, 'Delete')))),
      h('p', { class: 'progress' }, `${state.labelledCount()} of ${state.images.length} frames have boxes.`),
      h('details', { class: 'shortcuts' }, h('summary', {}, 'Keyboard shortcuts'), h('ul', {}, h('li', {}, h('kbd', {}, '→'), ' / ', h('kbd', {}, 'N'), ' next frame, ', h('kbd', {}, '←'), ' / ', h('kbd', {}, 'P'), ' previous'), h('li', {}, h('kbd', {}, '1'), '–', h('kbd', {}, '9'), ' brand (of the selected box too)'), h('li', {}, h('kbd', {}, 'Del'), ' delete the selected box, ', h('kbd', {}, 'Esc'), ' deselect'))),
    );
  }

  // ——— pointer: draw, move, resize ———

  point(e) {
    const rect = this.svg.getBoundingClientRect();
    const [, , width, height] = (this.svg.getAttribute('viewBox') ?? '0 0 0 0').split(' ').map(Number);
    return { x: clamp(((e.clientX - rect.left) * width) / rect.width, 0, width), y: clamp(((e.clientY - rect.top) * height) / rect.height, 0, height) };
  }

  pointerDown(e) {
    if (!this.svg.getAttribute('viewBox') || this.closed) return;
    e.preventDefault();
    const p = this.point(e);
    const handle = e.target.closest('[data-handle]');
    const group = e.target.closest('g.box');
    const boxes = this.state.boxes();
    if (handle && group) {
      const box = boxes[Number(group.dataset.index)];
      // The corner opposite the handle stays put.
      const [, x, y] = corners(box).find(([name]) => name === opposite(handle.dataset.handle));
      this.drag = { mode: 'resize', index: Number(group.dataset.index), anchor: { x, y } };
    } else if (group) {
      const index = Number(group.dataset.index);
      this.select(index);
      this.drag = { mode: 'move', index, from: p, start: { ...boxes[index] } };
    } else {
      const entry = this.state.entry();
      entry.boxes.push({ label: this.state.brand, left: Math.round(p.x), top: Math.round(p.y), width: 0, height: 0 });
      this.state.selected = entry.boxes.length - 1;
      this.drag = { mode: 'resize', index: entry.boxes.length - 1, anchor: p, fresh: true };
    }
    this.svg.setPointerCapture(e.pointerId);
  }

  pointerMove(e) {
    if (!this.drag) return;
    const p = this.point(e);
    const box = this.state.boxes()[this.drag.index];
    const [, , width, height] = this.svg.getAttribute('viewBox').split(' ').map(Number);
    if (this.drag.mode === 'move') {
      const { start, from } = this.drag;
      box.left = Math.round(clamp(start.left + p.x - from.x, 0, width - box.width));
      box.top = Math.round(clamp(start.top + p.y - from.y, 0, height - box.height));
    } else {
      const { anchor } = this.drag;
      Object.assign(box, { left: Math.round(Math.min(anchor.x, p.x)), top: Math.round(Math.min(anchor.y, p.y)), width: Math.round(Math.abs(p.x - anchor.x)), height: Math.round(Math.abs(p.y - anchor.y)) });
    }
    this.draw();
  }

  pointerUp() {
    if (!this.drag) return;
    const { index } = this.drag;
    this.drag = undefined;
    const box = this.state.boxes()[index];
    if (box && (box.width < MIN_SIDE || box.height < MIN_SIDE)) {
      this.state.entry().boxes.splice(index, 1);
      this.state.selected = -1;
      this.draw();
      return;
    }
    this.changed();
  }

  // ——— actions ———

  select(index) {
    this.state.selected = index;
    const box = this.state.boxes()[index];
    if (box?.label) this.state.brand = box.label;
    this.draw();
  }

  remove(index) {
    if (index < 0 || index >= this.state.boxes().length) return;
    this.state.entry().boxes.splice(index, 1);
    this.state.selected = -1;
    this.changed();
  }

  pickBrand(label) {
    this.state.brand = label;
    const box = this.state.boxes()[this.state.selected];
    if (box) box.label = label;
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
    this.save();
  }

  key(e) {
    if (this.closed) return;
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

  // ——— saving, heartbeats, submitting ———

  changed() {
    this.draw();
    this.save();
  }

  /** Saves the draft shortly after the last change; writes go one after another, the last wins. */
  save() {
    this.setSaveStatus('saving', 'Saving…');
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      const { draft, job } = this.state;
      const body = JSON.stringify({ ...draft, jobName: job.jobName, savedAt: new Date().toISOString() });
      this.saving = this.saving
        .then(() => this.api.putObject(job.draft.bucket, job.draft.key, body))
        .then(
          () => this.saveTimer === undefined && this.setSaveStatus('saved', 'All changes saved'),
          (err) => this.setSaveStatus('failed', `Not saved: ${err.name}: ${err.message}`),
        );
      this.saveTimer = undefined;
    }, SAVE_DELAY_MS);
  }

  setSaveStatus(state, text) {
    this.saveStatus.dataset.state = state;
    this.saveStatus.textContent = text;
    this.saveStatus.classList.toggle('problem', state === 'failed');
  }

  /** Heartbeats well within the task's heartbeat while the page is open; a refused one closes the job. */
  startHeartbeat() {
    const seconds = this.state.job.heartbeatSeconds;
    if (!seconds) return undefined;
    const beat = () =>
      this.api.sfn('SendTaskHeartbeat', { taskToken: this.state.job.taskToken }).catch((err) => {
        if (['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken'].includes(err.name)) this.close(`The run no longer waits for these labels (${err.name}).`);
      });
    beat();
    return setInterval(beat, clamp(seconds * 250, 5_000, 60_000));
  }

  close(why) {
    const { h } = this.api;
    this.closed = true;
    clearInterval(this.heartbeat);
    this.notice.replaceChildren(h('div', { class: 'error-box' }, why, ' ', h('a', { href: `#/executions/${encodeURIComponent(this.state.job.executionArn)}` }, 'See the execution'), '.'));
    for (const button of this.head.querySelectorAll('button')) button.disabled = true;
  }

  async submit() {
    const { h } = this.api;
    const { state } = this;
    const all = state.images.map((image) => ({ image, boxes: state.draft.images[image.key]?.boxes ?? [] }));
    const unnamed = all.filter(({ boxes }) => boxes.some((box) => !box.label)).map(({ image }) => image.key.split('/').pop());
    if (all.every(({ boxes }) => boxes.length === 0)) return this.problem('Draw at least one box before submitting.');
    if (unnamed.length > 0) return this.problem(`Pick a brand for every box first (${unnamed.join(', ')}).`);
    const unseen = state.images.length - state.labelledCount();
    if (unseen > 0 && !confirm(`${unseen} of ${state.images.length} frames have no boxes: submit them as showing no logo?`)) return;
    try {
      this.setSaveStatus('saving', 'Submitting…');
      clearTimeout(this.saveTimer);
      await this.saving;
      const sized = await Promise.all(all.map(async ({ image, boxes }) => ({ image, boxes, ...(await this.size(image)) })));
      const { job } = state;
      await this.api.putObject(job.output.bucket, job.output.key, groundTruthManifest(sized, state.labels(), job.jobName), 'application/x-ndjson');
      await this.api.sfn('SendTaskSuccess', { taskToken: job.taskToken, output: JSON.stringify({ bucket: job.output.bucket, key: job.output.key, format: 'groundtruth' }) });
      const finished = { ...job, status: 'Completed', submittedAt: new Date().toISOString() };
      await this.api.putObject(state.jobRef.bucket, state.jobRef.key, JSON.stringify(finished));
      this.closed = true;
      clearInterval(this.heartbeat);
      this.setSaveStatus('saved', 'Submitted');
      this.notice.replaceChildren(h('div', { class: 'done-box' }, h('strong', {}, 'Labels submitted. '), `${sized.reduce((n, i) => n + i.boxes.length, 0)} boxes on ${state.labelledCount()} frames went back to the run, which goes on: `, h('a', { href: `#/executions/${encodeURIComponent(job.executionArn)}` }, 'watch the execution'), '.'));
      for (const button of this.head.querySelectorAll('button')) button.disabled = true;
    } catch (err) {
      this.setSaveStatus('failed', 'Not submitted');
      this.problem(`${err.name}: ${err.message}`);
    }
  }

  problem(text) {
    this.notice.replaceChildren(this.api.h('div', { class: 'error-box' }, text));
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

/**
 * SageMaker Ground Truth's bounding-box output manifest, one JSON line per image, the label attribute
 * named after the job (as brand's `toGroundTruthManifest` writes it, which CollectAnnotations reads).
 * @see https://docs.aws.amazon.com/sagemaker/latest/dg/sms-data-output.html#sms-output-box
 */
export function groundTruthManifest(images, labels, jobName) {
  const classMap = Object.fromEntries(labels.map((label, id) => [String(id), label]));
  return images
    .map(({ image, width, height, boxes }) =>
      JSON.stringify({
        'source-ref': image.sourceRef,
        [jobName]: { image_size: [{ width, height, depth: 3 }], annotations: boxes.map((b) => ({ class_id: labels.indexOf(b.label), left: b.left, top: b.top, width: b.width, height: b.height })) },
        [`${jobName}-metadata`]: { 'class-map': classMap, type: 'groundtruth/object-detection', 'human-annotated': 'yes', 'creation-date': new Date().toISOString(), 'job-name': `labeling-job/${jobName}` },
      }),
    )
    .join('\n');
}

function corners(box) {
  const right = box.left + box.width;
  const bottom = box.top + box.height;
  return [['nw', box.left, box.top], ['ne', right, box.top], ['se', right, bottom], ['sw', box.left, bottom]];
}

function opposite(corner) {
  return { nw: 'se', ne: 'sw', se: 'nw', sw: 'ne' }[corner];
}

function colourOf(labels, label) {
  const index = labels.indexOf(label);
  return index < 0 ? '#c9372c' : COLOURS[index % COLOURS.length];
}

function svgEl(tag, attrs, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  for (const child of children) el.append(child);
  return el;
}

function clamp(value, low, high) {
  return Math.min(high, Math.max(low, value));
}
