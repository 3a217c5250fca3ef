// The console's labeling page for brand-training's WaitForLabels: the labeling jobs whose run still
// waits (`#/labeling`), and one job's frames (`#/labeling/<job>`, see labeling-job.js) on which people
// draw, move, resize and delete boxes and pick each box's brand. It uses the endpoint's S3 and Step
// Functions APIs as any client does: the console hands them over as `api`; `settings` say where the
// jobs are (the package's constants).
import { jobPage, readJson } from './labeling-job.js';
import { LABELING_STYLE } from './labeling-style.js';

const RUNNING = 'RUNNING';

export async function render(container, { path, settings }, api) {
  if (!document.getElementById('brand-labeling-style')) document.head.append(api.h('style', { id: 'brand-labeling-style' }, LABELING_STYLE));
  if (path) return jobPage(container, path, settings, api);
  await jobList(container, settings, api);
  return undefined;
}

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

function executionLink(job, { h }) {
  return job.executionArn ? h('a', { href: `#/executions/${encodeURIComponent(job.executionArn)}` }, job.executionArn.split(':').pop()) : '';
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString(undefined, { month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '';
}
