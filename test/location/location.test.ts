import { DEFAULT_LOCATION, locationOf, roleArn } from '../../src/location';

test.each([
  [{}, DEFAULT_LOCATION],
  [{ region: 'eu-west-1' }, { region: 'eu-west-1', account: DEFAULT_LOCATION.account }],
  [{ account: '123456789012' }, { region: DEFAULT_LOCATION.region, account: '123456789012' }],
])('locationOf(%j)', (options, expected) => {
  expect(locationOf(options)).toEqual(expected);
});

test('roles are named in the location’s account', () => {
  expect(roleArn({ region: 'eu-west-1', account: '123456789012' }, 'r')).toBe('arn:aws:iam::123456789012:role/r');
});
