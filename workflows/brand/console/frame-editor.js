// One frame with its boxes, drawn as SVG over the image in the image's own pixels: drag on the frame
// to draw a box, drag a box to move it, drag a corner of the selected box to resize it. Coordinates
// stay in image pixels, which is what the annotations are written in.

/** Boxes smaller than this (image pixels) on either side are a slip of the mouse, not a box. */
const MIN_SIDE = 4;
/** The frame's height at most, in CSS pixels: with the page head, a whole frame fits a 1280×800 screen. */
const STAGE_HEIGHT = 540;
const COLOURS = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324', '#469990', '#808000'];
const SVG = 'http://www.w3.org/2000/svg';

export class FrameEditor {
  /**
   * @param state the job's state (boxes of the current frame, the brand, the selection)
   * @param h the console's DOM helper
   * @param on `{ draw() }` while a box changes under the pointer, `{ changed() }` once it is let go,
   *   `{ select(index) }` when a box is picked
   */
  constructor(state, h, on) {
    this.state = state;
    this.on = on;
    this.enabled = true;
    this.img = h('img', { class: 'frame-image', alt: '', draggable: 'false' });
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.classList.add('frame-boxes');
    this.element = h('div', { class: 'frame-stage' }, h('div', { class: 'frame-inner' }, this.img, this.svg));
    this.img.addEventListener('load', () => this.fit());
    this.svg.addEventListener('pointerdown', (e) => this.pointerDown(e));
    this.svg.addEventListener('pointermove', (e) => this.pointerMove(e));
    this.svg.addEventListener('pointerup', () => this.pointerUp());
    this.svg.addEventListener('pointercancel', () => this.pointerUp());
  }

  show(url) {
    this.svg.removeAttribute('viewBox');
    this.img.src = url;
  }

  /** Sizes the frame to the space there is (small frames larger), and notes its pixel size. */
  fit() {
    const { naturalWidth: width, naturalHeight: height } = this.img;
    if (!width || !height) return;
    const entry = this.state.entry();
    Object.assign(entry, { width, height });
    const scale = Math.min(this.element.clientWidth / width, STAGE_HEIGHT / height);
    this.img.style.width = `${Math.round(width * scale)}px`;
    this.img.style.height = `${Math.round(height * scale)}px`;
    this.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    this.on.draw();
  }

  size() {
    const [, , width, height] = (this.svg.getAttribute('viewBox') ?? '0 0 0 0').split(' ').map(Number);
    return { width, height };
  }

  draw() {
    const { state } = this;
    const { width } = this.size();
    const handle = Math.max(6, width / 80);
    const labels = state.labels();
    this.svg.replaceChildren(
      ...state.boxes().map((box, index) => {
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
      }),
    );
  }

  /** The pointer in image pixels, kept inside the image. */
  point(e) {
    const rect = this.svg.getBoundingClientRect();
    const { width, height } = this.size();
    return { x: clamp(((e.clientX - rect.left) * width) / rect.width, 0, width), y: clamp(((e.clientY - rect.top) * height) / rect.height, 0, height) };
  }

  pointerDown(e) {
    if (!this.svg.getAttribute('viewBox') || !this.enabled) return;
    e.preventDefault();
    const p = this.point(e);
    const handle = e.target.closest('[data-handle]');
    const group = e.target.closest('g.box');
    const boxes = this.state.boxes();
    if (handle && group) {
      // The corner opposite the handle stays put.
      const [, x, y] = corners(boxes[Number(group.dataset.index)]).find(([name]) => name === opposite(handle.dataset.handle));
      this.drag = { mode: 'resize', index: Number(group.dataset.index), anchor: { x, y } };
    } else if (group) {
      const index = Number(group.dataset.index);
      this.on.select(index);
      this.drag = { mode: 'move', index, from: p, start: { ...boxes[index] } };
    } else {
      const entry = this.state.entry();
      entry.boxes.push({ label: this.state.brand, left: Math.round(p.x), top: Math.round(p.y), width: 0, height: 0 });
      this.state.selected = entry.boxes.length - 1;
      this.drag = { mode: 'resize', index: entry.boxes.length - 1, anchor: p };
    }
    this.svg.setPointerCapture(e.pointerId);
  }

  pointerMove(e) {
    if (!this.drag) return;
    const p = this.point(e);
    const box = this.state.boxes()[this.drag.index];
    const { width, height } = this.size();
    if (this.drag.mode === 'move') {
      const { start, from } = this.drag;
      box.left = Math.round(clamp(start.left + p.x - from.x, 0, width - box.width));
      box.top = Math.round(clamp(start.top + p.y - from.y, 0, height - box.height));
    } else {
      const { anchor } = this.drag;
      Object.assign(box, { left: Math.round(Math.min(anchor.x, p.x)), top: Math.round(Math.min(anchor.y, p.y)), width: Math.round(Math.abs(p.x - anchor.x)), height: Math.round(Math.abs(p.y - anchor.y)) });
    }
    this.on.draw();
  }

  pointerUp() {
    if (!this.drag) return;
    const { index } = this.drag;
    this.drag = undefined;
    const box = this.state.boxes()[index];
    if (box && (box.width < MIN_SIDE || box.height < MIN_SIDE)) {
      this.state.entry().boxes.splice(index, 1);
      this.state.selected = -1;
      this.on.draw();
      return;
    }
    this.on.changed();
  }
}

/** A brand's colour, the same in the frame and the brand list; red for a box without one. */
export function colourOf(labels, label) {
  const index = labels.indexOf(label);
  return index < 0 ? '#c9372c' : COLOURS[index % COLOURS.length];
}

function corners(box) {
  const right = box.left + box.width;
  const bottom = box.top + box.height;
  return [['nw', box.left, box.top], ['ne', right, box.top], ['se', right, bottom], ['sw', box.left, bottom]];
}

function opposite(corner) {
  return { nw: 'se', ne: 'sw', se: 'nw', sw: 'ne' }[corner];
}

function svgEl(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  for (const child of children) el.append(child);
  return el;
}

export function clamp(value, low, high) {
  return Math.min(high, Math.max(low, value));
}
