// The object store through the S3 API: buckets, then one folder level at a time; objects download.
import { listBuckets, listObjects, objectUrl } from '../aws.js';
import { formatTime, h } from '../dom.js';

export async function bucketsPage(bucket, prefix) {
  if (!bucket) return { element: await bucketList() };
  const { folders, objects } = await listObjects(bucket, prefix);
  const crumbs = [h('a', { href: '#/buckets' }, 'Buckets'), ' / ', h('a', { href: link(bucket, '') }, bucket)];
  let walked = '';
  for (const part of prefix.split('/').filter(Boolean)) {
    walked += `${part}/`;
    crumbs.push(' / ', h('a', { href: link(bucket, walked) }, part));
  }
  const rows = [
    ...folders.map((folder) => h('tr', {}, h('td', {}, h('a', { class: 'folder', href: link(bucket, folder) }, `📁 ${folder.slice(prefix.length)}`)), h('td', {}), h('td', {}), h('td', {}))),
    ...objects.map((o) => h('tr', {}, h('td', {}, h('a', { href: objectUrl(bucket, o.key), target: '_blank', rel: 'noopener' }, o.key.slice(prefix.length))), h('td', { class: 'num muted' }, size(o.size)), h('td', { class: 'muted' }, formatTime(o.modified)), h('td', {}, h('a', { class: 'button small ghost', href: objectUrl(bucket, o.key), download: o.key.split('/').pop() }, 'Download')))),
  ];
  return {
    element: h(
      'section',
      {},
      h('div', { class: 'page-head' }, h('div', {}, h('div', { class: 'crumbs' }, crumbs), h('h1', {}, prefix ? prefix.split('/').filter(Boolean).pop() : bucket))),
      h('div', { class: 'panel' }, rows.length === 0 ? h('p', { class: 'muted' }, 'Nothing here.') : h('table', { class: 'table' }, h('thead', {}, h('tr', {}, ['Name', 'Size', 'Modified', ''].map((t) => h('th', {}, t)))), h('tbody', {}, rows))),
    ),
  };
}

async function bucketList() {
  const buckets = await listBuckets();
  return h(
    'section',
    {},
    h('div', { class: 'page-head' }, h('h1', {}, 'Buckets')),
    h('div', { class: 'panel' }, buckets.length === 0 ? h('p', { class: 'muted' }, 'No buckets.') : h('table', { class: 'table' }, h('thead', {}, h('tr', {}, h('th', {}, 'Bucket'), h('th', {}, 'Created'))), h('tbody', {}, buckets.map((b) => h('tr', {}, h('td', {}, h('a', { href: link(b.name, '') }, b.name)), h('td', { class: 'muted' }, formatTime(b.created))))))),
  );
}

function link(bucket, prefix) {
  return `#/buckets/${encodeURIComponent(bucket)}${prefix ? `/${prefix.split('/').map(encodeURIComponent).join('/')}` : ''}`;
}

function size(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
