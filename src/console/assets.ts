/**
 * The files the console serves: its own pages (`web/`), the browser bundles of its libraries from
 * node_modules (no CDN: the console works offline), and the result views its host registered.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { basename, dirname, extname, join, normalize, sep } from 'node:path';

const WEB_DIR = join(__dirname, 'web');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The browser builds of the libraries pages import, by the name they are served under. */
export const LIBRARIES: Record<string, string> = {
  // chart.js's exports map hides its UMD build; it sits beside the CommonJS entry.
  'chart.js': join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'),
  'elk.js': require.resolve('elkjs/lib/elk.bundled.js'),
};

/** Only scripts, styles and images from this server; Chart.js sets inline styles on its canvas. */
const POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export function sendFile(res: ServerResponse, path: string): void {
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    'Content-Length': statSync(path).size,
    'Cache-Control': 'no-cache',
    'Content-Security-Policy': POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
  });
  createReadStream(path).pipe(res);
}

/** A file of `web/`, or undefined for a name outside it or missing. */
export function webFile(name: string): string | undefined {
  const path = normalize(join(WEB_DIR, name));
  if (!path.startsWith(WEB_DIR + sep) || !existsSync(path) || !statSync(path).isFile()) return undefined;
  return path;
}

/**
 * A module of a package's console page: the page's own module, or a `.js` file beside it, which the
 * page imports relatively (`./editor.js`), so a page can be several small modules. Nothing else of
 * the package's folder is served.
 */
export function pageModule(page: { module: string } | undefined, name: string): string | undefined {
  if (!page || name.includes('/') || extname(name) !== '.js') return undefined;
  const path = join(dirname(page.module), name);
  return existsSync(path) && statSync(path).isFile() ? path : undefined;
}

/** Where the browser loads a page's module from: its siblings resolve beside it. */
export function pageUrl(index: number, page: { module: string }): string {
  return `/_console/pages/${index}/${basename(page.module)}`;
}

export const INDEX_HTML = join(WEB_DIR, 'index.html');
