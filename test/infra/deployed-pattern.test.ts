import { deployedPattern } from '../../infra/constructs/deployed-pattern';

const names = new Map([['statecraft-data', 'statecraft-data-123-eu-west-1']]);

test.each([
  [
    'replaces a logical bucket name, keeps the rest',
    { source: ['aws.s3'], detail: { bucket: { name: ['statecraft-data'] }, object: { key: [{ prefix: 'a/' }] } } },
    { source: ['aws.s3'], detail: { bucket: { name: ['statecraft-data-123-eu-west-1'] }, object: { key: [{ prefix: 'a/' }] } } },
  ],
  ['leaves a pattern without bucket names', { source: ['statecraft.x'], 'detail-type': ['Y'] }, { source: ['statecraft.x'], 'detail-type': ['Y'] }],
  ['leaves unknown names and match expressions', { detail: { bucket: { name: ['other', { prefix: 'st' }] } } }, { detail: { bucket: { name: ['other', { prefix: 'st' }] } } }],
])('%s', (_what, pattern, expected) => {
  expect(deployedPattern(pattern, names)).toEqual(expected);
});
