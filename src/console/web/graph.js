// Draws a state machine: ELK lays out the graph built from the ASL, we render its layout as SVG.
// `setStatus` colours states as an execution's events arrive; `onSelect` reports a clicked state.
import { aslToElk } from './asl-graph.js';

const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(key, String(value));
  for (const child of children) if (child) el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return el;
}

export async function drawGraph(container, definition, { onSelect } = {}) {
  const elk = new window.ELK();
  const layout = await elk.layout(aslToElk(definition));
  const svg = s('svg', { class: 'graph', width: layout.width, height: layout.height, viewBox: `0 0 ${layout.width} ${layout.height}`, role: 'img', 'aria-label': 'state machine graph' });
  svg.append(defs());
  const edgeLayer = s('g', { class: 'edges' });
  const nodeLayer = s('g', { class: 'nodes' });
  drawChildren(layout, 0, 0, nodeLayer, edgeLayer, onSelect);
  svg.append(nodeLayer, edgeLayer);
  const frame = document.createElement('div');
  frame.className = 'graph-frame';
  frame.append(svg);
  container.replaceChildren(zoomBar(svg, layout), frame);
  fitWhenShown(frame, svg, layout);
  return {
    /** `status`: running | succeeded | failed | caught | aborted; `note`: text under the name (Map counts). */
    setStatus(name, status, note) {
      for (const g of svg.querySelectorAll(`[data-name="${CSS.escape(name)}"]`)) {
        g.dataset.status = status ?? '';
        const noteEl = g.querySelector('.note');
        if (noteEl) noteEl.textContent = note ?? '';
      }
    },
    select(name) {
      for (const g of svg.querySelectorAll('.selected')) g.classList.remove('selected');
      if (name) for (const g of svg.querySelectorAll(`[data-name="${CSS.escape(name)}"]`)) g.classList.add('selected');
    },
  };
}

/**
 * Fits a wide graph to its frame, but never below 75 % (text stays readable; the frame scrolls).
 * Measured once the frame is in the page; a zoom button takes over from then on.
 */
function fitWhenShown(frame, svg, layout) {
  const observer = new ResizeObserver(() => {
    if (frame.clientWidth === 0 || svg.classList.contains('zoomed')) return;
    const scale = Math.min(1, Math.max(0.75, (frame.clientWidth - 24) / layout.width));
    svg.setAttribute('width', String(layout.width * scale));
    svg.setAttribute('height', String(layout.height * scale));
  });
  observer.observe(frame);
}

function zoomBar(svg, layout) {
  let scale = 1;
  // Fitted to the frame's width at first (CSS max-width); a zoom sets an explicit size.
  const apply = () => {
    svg.classList.add('zoomed');
    svg.setAttribute('width', String(layout.width * scale));
    svg.setAttribute('height', String(layout.height * scale));
  };
  const button = (text, title, change) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'small ghost';
    b.textContent = text;
    b.title = title;
    b.addEventListener('click', () => {
      scale = change(scale);
      apply();
    });
    return b;
  };
  const bar = document.createElement('div');
  bar.className = 'zoom-bar';
  const fit = document.createElement('button');
  fit.type = 'button';
  fit.className = 'small ghost';
  fit.textContent = 'Fit';
  fit.title = 'Fit to the frame';
  fit.addEventListener('click', () => {
    svg.classList.remove('zoomed');
    scale = Math.min(1, (svg.parentElement.clientWidth - 24) / layout.width);
    svg.setAttribute('width', String(layout.width * scale));
    svg.setAttribute('height', String(layout.height * scale));
  });
  bar.append(button('−', 'Zoom out', (x) => Math.max(0.3, x / 1.25)), fit, button('100%', 'Actual size', () => 1), button('+', 'Zoom in', (x) => Math.min(3, x * 1.25)));
  return bar;
}

function defs() {
  const marker = (id, cls) =>
    s('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, s('path', { d: 'M0,0 L10,5 L0,10 z', class: cls }));
  return s('defs', {}, marker('arrow', 'arrowhead'), marker('arrow-catch', 'arrowhead catch'));
}

function drawChildren(node, ox, oy, nodeLayer, edgeLayer, onSelect) {
  for (const edge of node.edges ?? []) drawEdge(edge, ox, oy, edgeLayer);
  for (const child of node.children ?? []) {
    const x = ox + child.x;
    const y = oy + child.y;
    if (child.kind === 'terminal') nodeLayer.append(terminal(child, x, y));
    else if (child.kind === 'group' || child.kind === 'branch') {
      nodeLayer.append(group(child, x, y, onSelect));
      drawChildren(child, x, y, nodeLayer, edgeLayer, onSelect);
    } else nodeLayer.append(stateBox(child, x, y, onSelect));
  }
}

function terminal(node, x, y) {
  return s('g', { class: 'terminal' }, s('rect', { x, y, width: node.width, height: node.height, rx: node.height / 2 }), s('text', { x: x + node.width / 2, y: y + node.height / 2 + 4, 'text-anchor': 'middle' }, node.label));
}

function stateBox(node, x, y, onSelect) {
  const g = s('g', { class: `state type-${node.type.toLowerCase()}`, 'data-name': node.name, tabindex: 0, role: 'button' });
  g.append(
    s('title', {}, `${node.name} (${node.type})${node.retry ? `\nRetry: ${node.retry}` : ''}`),
    s('rect', { x, y, width: node.width, height: node.height, rx: 7 }),
    s('text', { x: x + 12, y: y + 19, class: 'name' }, node.name),
    s('text', { x: x + 12, y: y + 36, class: 'type' }, node.type),
    s('text', { x: x + node.width - 10, y: y + 19, class: 'note', 'text-anchor': 'end' }),
  );
  if (node.retry) g.append(s('text', { x: x + 12 + node.type.length * 6.6 + 6, y: y + 36, class: 'retry' }, '↻ retry'));
  if (onSelect) {
    g.addEventListener('click', () => onSelect(node.name));
    g.addEventListener('keydown', (e) => e.key === 'Enter' && onSelect(node.name));
  }
  return g;
}

function group(node, x, y, onSelect) {
  const isBranch = node.kind === 'branch';
  const g = s('g', { class: isBranch ? 'branch' : `group type-${node.type.toLowerCase()}`, ...(isBranch ? {} : { 'data-name': node.name, tabindex: 0, role: 'button' }) });
  g.append(s('rect', { x, y, width: node.width, height: node.height, rx: 10 }));
  g.append(s('text', { x: x + 14, y: y + 22, class: 'name' }, node.name, isBranch ? '' : s('tspan', { class: 'type' }, `  ${node.type}`), node.retry ? s('tspan', { class: 'retry' }, '  ↻ retry') : ''));
  if (!isBranch) {
    g.append(s('text', { x: x + node.width - 14, y: y + 22, class: 'note', 'text-anchor': 'end' }));
    if (node.retry) g.append(s('title', {}, `Retry: ${node.retry}`));
    if (onSelect) {
      g.querySelector('rect').addEventListener('click', () => onSelect(node.name));
      g.querySelector('text').addEventListener('click', () => onSelect(node.name));
    }
  }
  return g;
}

function drawEdge(edge, ox, oy, layer) {
  for (const section of edge.sections ?? []) {
    const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
    const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${ox + p.x},${oy + p.y}`).join(' ');
    layer.append(s('path', { d, class: `edge ${edge.kind}`, 'marker-end': edge.kind === 'catch' ? 'url(#arrow-catch)' : 'url(#arrow)' }));
  }
  for (const label of edge.labels ?? []) {
    const x = ox + (label.x ?? 0);
    const y = oy + (label.y ?? 0);
    layer.append(s('g', { class: `edge-label ${edge.kind}` }, s('rect', { x: x - 2, y: y - 1, width: label.width, height: label.height, rx: 3 }), s('text', { x: x + 2, y: y + 10 }, label.text)));
  }
}
