import { assertRowsPerClass, parseDataset } from '../../../../workflows/kfold-cv/lib/csv';
import { DatasetError, type DatasetErrorCode } from '../../../../workflows/kfold-cv/lib/dataset-error';
import { iris } from './iris';

describe('parseDataset', () => {
  it("reads scikit-learn's Iris header form: classes from the header, label last", () => {
    expect(iris.classes).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(iris.labelName).toBe('target');
    expect(iris.featureNames).toEqual(['feature_0', 'feature_1', 'feature_2', 'feature_3']);
    expect(iris.features).toHaveLength(150);
    expect(iris.features[0]).toEqual([5.1, 3.5, 1.4, 0.2]);
    expect(iris.labels.slice(48, 52)).toEqual([0, 0, 1, 1]);
  });

  it('reads a named header with a chosen label column, quoted fields and CRLF line ends', () => {
    const dataset = parseDataset('"species",x,y\r\nb,1,2\r\n"a",3.5,-1e-3\r\n\r\n', { labelColumn: 'species' });
    expect(dataset).toEqual({
      featureNames: ['x', 'y'],
      labelName: 'species',
      classes: ['a', 'b'],
      features: [
        [1, 2],
        [3.5, -0.001],
      ],
      labels: [1, 0],
    });
  });

  it('orders numeric class labels numerically, as np.unique does', () => {
    expect(parseDataset('x,label\n1,10\n2,9\n3,10\n').classes).toEqual(['9', '10']);
  });
});

function errorOf(action: () => unknown): DatasetError {
  try {
    action();
  } catch (error) {
    if (error instanceof DatasetError) return error;
    throw error;
  }
  throw new Error('expected a DatasetError');
}

const badInputs: { code: DatasetErrorCode; csv: string; labelColumn?: string; message: RegExp; location?: object }[] = [
  { code: 'EmptyDataset', csv: '', message: /empty/ },
  { code: 'EmptyDataset', csv: '\n  \n', message: /empty/ },
  { code: 'EmptyDataset', csv: 'a,b,label\n', message: /no data rows/ },
  { code: 'EmptyDataset', csv: 'label\nx\n', message: /no feature columns/ },
  {
    code: 'NonNumericFeature',
    csv: 'a,b,label\n1,2,x\n3,oops,y\n',
    message: /Row 2 \(line 3\), column "b": "oops" is not a number/,
    location: { row: 2, line: 3, column: 'b' },
  },
  { code: 'NonNumericFeature', csv: 'a,b,label\n1,,x\n', message: /column "b": "" is not a number/ },
  { code: 'NonNumericFeature', csv: 'a,b,label\n1,NaN,x\n', message: /"NaN" is not a number/ },
  {
    code: 'MissingLabelColumn',
    csv: 'a,b,label\n1,2,x\n',
    labelColumn: 'species',
    message: /"species" is not in the dataset; its columns are: "a", "b", "label"/,
    location: { column: 'species' },
  },
  { code: 'RaggedRow', csv: 'a,b,label\n1,2,x\n1,2\n', message: /Row 2 \(line 3\) has 2 fields; the header has 3/ },
  { code: 'InvalidLabel', csv: 'a,b,label\n1,2,\n', message: /Row 1 \(line 2\), column "label": the label is empty/ },
  { code: 'InvalidLabel', csv: '2,1,yes,no\n1.5,1\n2.5,2\n', message: /"2" is not a class index 0…1/ },
];

describe.each(badInputs)('DatasetError $code', ({ code, csv, labelColumn, message, location }) => {
  it(`for ${JSON.stringify(csv)}`, () => {
    const error = errorOf(() => parseDataset(csv, { labelColumn }));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    if (location) expect(error.location).toEqual(location);
  });
});

describe('assertRowsPerClass', () => {
  it('accepts Iris for k=10 and k=50', () => {
    expect(() => assertRowsPerClass(iris, 10)).not.toThrow();
    expect(() => assertRowsPerClass(iris, 50)).not.toThrow();
  });

  it('names the class that has fewer than k rows, and its count', () => {
    const dataset = parseDataset('x,label\n1,a\n2,a\n3,a\n4,b\n5,b\n');
    const error = errorOf(() => assertRowsPerClass(dataset, 3));
    expect(error.code).toBe('TooFewRows');
    expect(error.message).toMatch(/Class "b" has 2 row\(s\); 3-fold stratified cross-validation needs at least 3 per class/);
  });
});
