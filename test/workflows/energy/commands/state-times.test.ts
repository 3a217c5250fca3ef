/** A backtest's time per state: summed per workflow and state, the costliest first, at most eight lines. */
import { StateTimes } from '../../../../workflows/energy/commands/state-times';

test('visits of one state add up; lines go from the costliest down, aligned', () => {
  const times = new StateTimes();
  times.add({ workflow: 'energy-ingest', state: 'Forecast', realMs: 1500 });
  times.add({ workflow: 'energy-ingest', state: 'Forecast', realMs: 500 });
  times.add({ workflow: 'energy-retrain', state: 'TrainMembers', realMs: 30_000 });
  expect(times.lines()).toEqual([
    'where the time went (real seconds per state, summed over its visits; a Map or Parallel includes its iterations):',
    '  energy-retrain TrainMembers      30.0 s  1 visit(s)',
    '  energy-ingest Forecast            2.0 s  2 visit(s)',
  ]);
});

test('nothing timed, nothing said; only the eight costliest are shown', () => {
  const times = new StateTimes();
  expect(times.lines()).toEqual([]);
  for (let i = 1; i <= 10; i++) times.add({ workflow: 'w', state: `S${i}`, realMs: i * 1000 });
  expect(times.lines().slice(1).map((line) => line.trim().split(/\s+/)[1])).toEqual(['S10', 'S9', 'S8', 'S7', 'S6', 'S5', 'S4', 'S3']);
});
