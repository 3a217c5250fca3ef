// The AWS APIs of this very endpoint, called as any client calls them (same origin, no credentials
// needed locally), plus the console's own read-only endpoints under /_console/api/.

export class ApiError extends Error {
  constructor(name, message) {
    super(message);
    this.name = name;
  }
}

async function jsonProtocol(target, version, operation, body) {
  const res = await fetch('/', {
    method: 'POST',
    headers: { 'Content-Type': `application/x-amz-json-${version}`, 'X-Amz-Target': `${target}.${operation}` },
    body: JSON.stringify(body ?? {}),
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : {};
  if (!res.ok) throw new ApiError(String(data.__type ?? res.status).split('#').pop(), data.message ?? data.Message ?? text);
  return data;
}

export const sfn = (operation, body) => jsonProtocol('AWSStepFunctions', '1.0', operation, body);
export const events = (operation, body) => jsonProtocol('AWSEvents', '1.1', operation, body);

/** Every page of a paginated Step Functions list. */
export async function sfnAll(operation, body, field) {
  const items = [];
  let nextToken;
  do {
    const page = await sfn(operation, { ...body, ...(nextToken ? { nextToken } : {}) });
    items.push(...(page[field] ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return items;
}

export async function consoleApi(path, body) {
  const res = await fetch(`/_console/api/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const data = await res.json();
  if (!res.ok) throw new ApiError(data.__type ?? String(res.status), data.message ?? '');
  return data;
}

let configPromise;
export function config() {
  configPromise ??= consoleApi('config');
  return configPromise;
}

// S3's REST API answers XML.
async function s3Xml(path) {
  const res = await fetch(path, { headers: { Accept: 'application/xml' } });
  const doc = new DOMParser().parseFromString(await res.text(), 'application/xml');
  if (!res.ok) throw new ApiError(doc.querySelector('Code')?.textContent ?? String(res.status), doc.querySelector('Message')?.textContent ?? '');
  return doc;
}

export async function listBuckets() {
  const doc = await s3Xml('/?x-id=ListBuckets');
  return [...doc.querySelectorAll('Bucket')].map((b) => ({ name: b.querySelector('Name')?.textContent, created: b.querySelector('CreationDate')?.textContent }));
}

/** One level of a bucket under `prefix`: folders (common prefixes) and objects. */
export async function listObjects(bucket, prefix) {
  const folders = [];
  const objects = [];
  let token;
  do {
    const query = new URLSearchParams({ 'list-type': '2', delimiter: '/', prefix, ...(token ? { 'continuation-token': token } : {}) });
    const doc = await s3Xml(`/${encodeURIComponent(bucket)}?${query}`);
    for (const p of doc.querySelectorAll('CommonPrefixes > Prefix')) folders.push(p.textContent);
    for (const c of doc.querySelectorAll('Contents')) {
      objects.push({ key: c.querySelector('Key').textContent, size: Number(c.querySelector('Size')?.textContent ?? 0), modified: c.querySelector('LastModified')?.textContent });
    }
    token = doc.querySelector('IsTruncated')?.textContent === 'true' ? doc.querySelector('NextContinuationToken')?.textContent : undefined;
  } while (token);
  return { folders, objects };
}

/** GetObject: the object's text, or undefined when there is no such key. */
export async function getObject(bucket, key) {
  const res = await fetch(objectUrl(bucket, key), { cache: 'no-store' });
  if (res.status === 404) return undefined;
  if (!res.ok) throw await s3Error(res);
  return res.text();
}

/** PutObject: the whole body in one request. */
export async function putObject(bucket, key, body, contentType = 'application/json') {
  const res = await fetch(objectUrl(bucket, key), { method: 'PUT', headers: { 'Content-Type': contentType }, body });
  if (!res.ok) throw await s3Error(res);
}

async function s3Error(res) {
  const doc = new DOMParser().parseFromString(await res.text(), 'application/xml');
  return new ApiError(doc.querySelector('Code')?.textContent ?? String(res.status), doc.querySelector('Message')?.textContent ?? res.statusText);
}

export function objectUrl(bucket, key) {
  return `/${encodeURIComponent(bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
}

export function machineArnOf(executionArn) {
  const parts = executionArn.split(':');
  return [...parts.slice(0, 5), 'stateMachine', parts[6]].join(':');
}

export function nameOfArn(arn) {
  return arn.split(':').pop();
}
