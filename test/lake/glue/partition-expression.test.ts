import { compilePartitionExpression } from '../../../src/lake/glue/partition-expression';
import { GlueError } from '../../../src/lake/glue/errors';

const KEYS = [
  { Name: 'market', Type: 'string' },
  { Name: 'date', Type: 'string' },
  { Name: 'hour', Type: 'int' },
];
const ROWS = [
  ['NP', '2024-01-01', '9'],
  ['NP', '2024-01-02', '10'],
  ['DE', '2024-01-02', '23'],
];

test.each([
  ["market = 'NP'", [0, 1]],
  ["market <> 'NP'", [2]],
  ["market != 'NP'", [2]],
  ["date >= '2024-01-02'", [1, 2]],
  ["date > '2024-01-01' AND market = 'NP'", [1]],
  ["market = 'DE' OR date < '2024-01-02'", [0, 2]],
  ['hour > 9', [1, 2]], // numeric: '10' > '9'
  ['hour BETWEEN 9 AND 10', [0, 1]],
  ["market IN ('DE', 'SE')", [2]],
  ["market NOT IN ('DE')", [0, 1]],
  ["date LIKE '2024-01-0_'", [0, 1, 2]],
  ["NOT (market = 'NP')", [2]],
  ['market IS NOT NULL', [0, 1, 2]],
  ["`date` = '2024-01-01'", [0]],
])('%s', (expression, expected) => {
  const predicate = compilePartitionExpression(expression, KEYS);
  expect(ROWS.flatMap((row, i) => (predicate(row) ? [i] : []))).toEqual(expected);
});

test.each([["price = '1'", 'not a partition key'], ["market = 'NP' AND", 'unexpected end'], ["market ~ 'x'", 'unexpected input']])('%s is InvalidInputException', (expression, reason) => {
  const attempt = () => compilePartitionExpression(expression, KEYS);
  expect(attempt).toThrow(GlueError);
  expect(attempt).toThrow(reason);
});
