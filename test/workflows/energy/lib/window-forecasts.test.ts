/** Member forecasts per window: a window longer than the history uses all of it. */
import { dayIndex, effectiveWindow, forecastWindow, forecastWindows, prepareFeatureRows, readMarketData } from '../../../../workflows/energy/lib';
import { NP_CSV } from './energy-data';

test.each([
  [56, 40, 40],
  [56, 56, 56],
  [1456, 300, 300],
  [28, 300, 28],
])('window %i before day %i uses %i days', (window, d, expected) => {
  expect(effectiveWindow(window, d)).toBe(expected);
});

test('each day of a range is its own recalibration, the long window clamped to the history', () => {
  const market = readMarketData(NP_CSV);
  const rows = prepareFeatureRows(market);
  const d = dayIndex(market, '2013-02-10');
  const members = forecastWindows(rows, d, d + 1, [28, 84]);
  expect(Array.from(members.get(28)!.subarray(24, 48))).toEqual(Array.from(forecastWindow(rows, d + 1, 28)));
  // Day d has 40 days before it: the 84-day member is the 40-day calibration.
  expect(Array.from(members.get(84)!.subarray(0, 24))).toEqual(Array.from(forecastWindow(rows, d, d)));
});
