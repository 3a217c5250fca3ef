// A page a workflow package added (`consolePages`): its module renders into the page and may hand
// back a function to call when the user leaves (to close streams, timers and key handlers).
import { h } from '../dom.js';
import { packageApi } from '../package-api.js';

export async function packagePage(page, path) {
  const element = h('section', { class: 'package-page', dataset: { route: page.route } });
  const module = await import(page.url);
  const leave = await module.render(element, { path: path ?? '', settings: page.settings ?? {} }, packageApi());
  return { element, leave: typeof leave === 'function' ? leave : undefined };
}
