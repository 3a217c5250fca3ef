/** A package's local endpoint is mounted at `/_<name>/` with the engine's clock, and tells its tasks where it is. */
import { request } from 'node:http';
import { defineRegistry, defineWorkflowPackage, type PackageEndpoint } from '../../src/builder';
import { VirtualClock } from '../../src/clock/clock';
import { mountPackageEndpoints, servePackageEndpoints } from '../../src/host';
import { child, scoresTable } from '../fixtures/example-package';

const clockEndpoint: PackageEndpoint = {
  name: 'clock-echo',
  create: (context) => (_req, res) => {
    res.end(context.now().toISOString());
  },
  environment: (url) => ({ ECHO_URL: url }),
};
const registry = defineRegistry({
  packages: [defineWorkflowPackage({ module: __filename, workflows: [child], tables: [scoresTable], endpoints: [clockEndpoint] })],
  modelRegistry: { bucket: 'models', prefix: 'm/' },
});

function call(mounted: ReturnType<typeof mountPackageEndpoints>, url: string): Promise<{ handled: boolean; body?: string }> {
  let body: string | undefined;
  const res = { end: (text: string) => (body = text) } as never;
  return mounted.handle({ url } as never, res).then((handled) => ({ handled, body }));
}

test("requests under /_<name>/ reach the endpoint, which reads the engine's clock; others pass on", async () => {
  const clock = new VirtualClock(Date.parse('2030-05-06T07:08:09Z'));
  const mounted = mountPackageEndpoints(registry, clock);
  expect(await call(mounted, '/_clock-echo/anything?x=1')).toEqual({ handled: true, body: '2030-05-06T07:08:09.000Z' });
  expect(await call(mounted, '/_clock-echo')).toMatchObject({ handled: true });
  expect(await call(mounted, '/clock-echo/x')).toEqual({ handled: false, body: undefined });
  expect(await call(mounted, '/_console/x')).toEqual({ handled: false, body: undefined });
});

test("the endpoint's environment names its mounted URL", () => {
  expect(mountPackageEndpoints(registry, new VirtualClock()).environment('http://127.0.0.1:4599')).toEqual({ ECHO_URL: 'http://127.0.0.1:4599/_clock-echo' });
});

test('an endpoint name that is not a path segment is refused', () => {
  expect(() => defineWorkflowPackage({ module: __filename, workflows: [child], tables: [scoresTable], endpoints: [{ ...clockEndpoint, name: 'Feeds/x' }] })).toThrow('endpoint "Feeds/x"');
});

test("served on a port of their own (statecraft run): the tasks' environment names it until close, foreign Hosts are refused", async () => {
  const served = await servePackageEndpoints(registry, new VirtualClock(Date.parse('2030-05-06T07:08:09Z')));
  const url = process.env.ECHO_URL!;
  try {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_clock-echo$/);
    expect(await (await fetch(`${url}/now`)).text()).toBe('2030-05-06T07:08:09.000Z');
    expect((await fetch(url.replace('/_clock-echo', '/_other/x'))).status).toBe(404);
    const port = new URL(url).port;
    const rebound = await new Promise<number>((resolve, reject) =>
      request({ host: '127.0.0.1', port, path: '/_clock-echo/now', headers: { host: `evil.example:${port}` } }, (res) => resolve(res.statusCode!)).on('error', reject).end(),
    );
    expect(rebound).toBe(403);
  } finally {
    await served!.close();
  }
  expect(process.env.ECHO_URL).toBeUndefined();
  await expect(fetch(`${url}/now`)).rejects.toThrow();
});

test('a registry whose packages declare no endpoint gets no server', async () => {
  const bare = defineRegistry({ packages: [defineWorkflowPackage({ module: __filename, workflows: [child], tables: [scoresTable] })], modelRegistry: { bucket: 'models', prefix: 'm/' } });
  expect(await servePackageEndpoints(bare, new VirtualClock())).toBeUndefined();
});
