// The console's router: every page has a URL (hash routes, so deep links survive a reload and
// never reach the S3 API), and one status stream from the server feeds the pages and the notices.
import { clear, errorBox, h } from './dom.js';
import { startNotices } from './notices.js';
import { workflowsPage } from './pages/workflows.js';
import { workflowPage } from './pages/workflow.js';
import { startPage } from './pages/start.js';
import { executionPage } from './pages/execution.js';
import { modelsPage } from './pages/models.js';
import { eventsPage } from './pages/events.js';
import { bucketsPage } from './pages/buckets.js';
import { packagePage } from './pages/package-page.js';
import { config } from './aws.js';

const routes = [
  [/^\/?$/, () => workflowsPage(), 'workflows'],
  [/^\/workflows\/([^/]+)\/start$/, (name) => startPage(name), 'workflows'],
  [/^\/workflows\/([^/]+)$/, (name) => workflowPage(name), 'workflows'],
  [/^\/executions\/([^/]+)(?:\/state\/([^/]+))?$/, (arn, state) => executionPage(arn, state), 'workflows'],
  [/^\/models(?:\/([^/]+)\/(\d+))?$/, (model, version) => modelsPage(model, version), 'models'],
  [/^\/events$/, () => eventsPage(), 'events'],
  [/^\/buckets(?:\/([^/]+)(?:\/(.*))?)?$/, (bucket, prefix) => bucketsPage(bucket, prefix ?? ''), 'buckets'],
];

/** Status changes from the engine, for whichever page listens. */
export const statusChanges = new EventTarget();

let leave;

/** The packages' pages: a link in the navigation each, and their routes after the console's own. */
const packageRoutes = config().then(({ pages }) => {
  const nav = document.querySelector('.nav-inner');
  for (const page of pages ?? []) nav.append(h('a', { href: `#/${page.route}`, dataset: { nav: page.route } }, page.title));
  return (pages ?? []).map((page) => [new RegExp(`^/${page.route}(?:/(.*))?$`), (rest) => packagePage(page, rest), page.route]);
});

async function render() {
  const path = location.hash.replace(/^#/, '') || '/';
  const page = document.getElementById('page');
  leave?.();
  leave = undefined;
  for (const [pattern, make, nav] of [...routes, ...(await packageRoutes.catch(() => []))]) {
    const match = pattern.exec(path);
    if (!match) continue;
    for (const link of document.querySelectorAll('[data-nav]')) link.classList.toggle('active', link.dataset.nav === nav);
    try {
      const result = await make(...match.slice(1).map((part) => (part === undefined ? undefined : decodeURIComponent(part))));
      clear(page, result.element);
      leave = result.leave;
    } catch (err) {
      clear(page, h('h1', {}, 'Something went wrong'), errorBox(err));
    }
    window.scrollTo(0, 0);
    return;
  }
  clear(page, h('h1', {}, 'Not found'), h('p', {}, 'No console page at ', h('code', {}, path), '. ', h('a', { href: '#/' }, 'Back to the workflows')));
}

const stream = new EventSource('/_console/api/stream');
stream.addEventListener('status', (e) => statusChanges.dispatchEvent(new CustomEvent('change', { detail: JSON.parse(e.data) })));
startNotices(document.getElementById('notices'), statusChanges);
window.addEventListener('hashchange', render);
render();
