import { isLoopback, refusal } from '../../src/console/guard';

const local = { listenHost: '127.0.0.1', port: 4599 };

describe('refusal', () => {
  test.each([
    ['an SDK call (no Origin)', 'POST', { host: '127.0.0.1:4599' }, local],
    ['a browser page of the console', 'POST', { host: '127.0.0.1:4599', origin: 'http://127.0.0.1:4599', 'sec-fetch-site': 'same-origin' }, local],
    ['localhost with the port', 'GET', { host: 'localhost:4599' }, local],
    ['IPv6 loopback', 'GET', { host: '[::1]:4599' }, local],
    ['a typed URL (Sec-Fetch-Site none)', 'GET', { host: '127.0.0.1:4599', 'sec-fetch-site': 'none' }, local],
    ['a cross-site GET of a page without Origin (a link)', 'GET', { host: '127.0.0.1:4599', 'sec-fetch-site': 'cross-site' }, local],
    ['any Host when bound beyond loopback', 'GET', { host: 'build-box.internal:4599' }, { listenHost: '0.0.0.0', port: 4599 }],
  ])('lets through %s', (_, method, headers, context) => {
    expect(refusal(method, headers, context)).toBeUndefined();
  });

  test.each([
    ['a rebound name', 'GET', { host: 'evil.example:4599' }, /Host 'evil.example:4599' is not this server/],
    ['a loopback name with another port', 'GET', { host: '127.0.0.1:80' }, /is not this server/],
    ['no Host at all', 'GET', {}, /Host '' is not this server/],
    ['a POST from another origin', 'POST', { host: '127.0.0.1:4599', origin: 'http://evil.example' }, /Cross-origin request from 'http:\/\/evil.example' refused/],
    ['a POST from another port of the same host', 'POST', { host: '127.0.0.1:4599', origin: 'http://127.0.0.1:3000' }, /Cross-origin/],
    ['an opaque origin (sandboxed frame)', 'POST', { host: '127.0.0.1:4599', origin: 'null' }, /Cross-origin request from 'null'/],
    ['a same-site but cross-origin POST without Origin', 'POST', { host: '127.0.0.1:4599', 'sec-fetch-site': 'same-site' }, /Cross-site POST refused/],
    ['a cross-site DELETE', 'DELETE', { host: '127.0.0.1:4599', 'sec-fetch-site': 'cross-site' }, /Cross-site DELETE refused/],
  ])('refuses %s', (_, method, headers, message) => {
    expect(refusal(method, headers, local)).toMatch(message);
  });
});

test.each([
  ['127.0.0.1', true],
  ['127.1.2.3', true],
  ['::1', true],
  ['localhost', true],
  ['0.0.0.0', false],
  ['192.168.1.10', false],
])('isLoopback(%s) is %s', (address, expected) => {
  expect(isLoopback(address)).toBe(expected);
});
