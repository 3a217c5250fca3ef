/** Which day a run fetches from: the first day missing since the history's first, else the last day again. */
import { firstMissing } from '../../../../workflows/energy/tasks/check-history';

test.each([
  ['a whole history', ['2018-01-01', '2018-01-02', '2018-01-03'], '2018-01-03', '2018-01-03'],
  ["yesterday's prices not yet in", ['2018-01-01', '2018-01-02'], '2018-01-03', '2018-01-03'],
  ['a day lost to a failed run', ['2018-01-01', '2018-01-03'], '2018-01-04', '2018-01-02'],
  ['several days lost', ['2018-01-01'], '2018-01-05', '2018-01-02'],
])('%s → from %s', (_what, present, last, from) => {
  expect(firstMissing(present, last)).toBe(from);
});
