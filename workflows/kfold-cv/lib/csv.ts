import { csvLines, parseDecimal, splitCsvLine } from './csv-fields';
import { DatasetError } from './dataset-error';

/** A validated dataset: numeric features and class labels encoded as indexes into `classes`. */
export interface Dataset {
  readonly featureNames: readonly string[];
  readonly labelName: string;
  /** Class names; `labels[i]` indexes this list. Sorted as numpy's `np.unique` sorts them. */
  readonly classes: readonly string[];
  readonly features: readonly (readonly number[])[];
  readonly labels: readonly number[];
}

export interface ParseDatasetOptions {
  /** The column holding the class. @default the last column */
  readonly labelColumn?: string;
}

interface Header {
  readonly columns: readonly string[];
  /** scikit-learn's bundled-dataset header (`150,4,setosa,…`) names the classes; labels are indexes. */
  readonly declaredClasses?: readonly string[];
}

type Line = { text: string; line: number };

/**
 * Parses a dataset CSV: a header row of column names, or scikit-learn's bundled-dataset header
 * (`n_samples,n_features,class names…`, label last). Throws {@link DatasetError} on the first problem.
 */
export function parseDataset(text: string, options: ParseDatasetOptions = {}): Dataset {
  const lines = csvLines(text);
  if (lines.length === 0) throw new DatasetError('EmptyDataset', 'The dataset file is empty.');
  const rows = lines.slice(1);
  if (rows.length === 0) throw new DatasetError('EmptyDataset', 'The dataset has a header row but no data rows.');
  const header = readHeader(splitCsvLine(lines[0].text), rows[0]);
  const labelIndex = findLabelColumn(header.columns, options.labelColumn);
  const featureIndexes = header.columns.map((_, index) => index).filter((index) => index !== labelIndex);
  if (featureIndexes.length === 0) throw new DatasetError('EmptyDataset', 'The dataset has no feature columns.');
  const features: number[][] = [];
  const rawLabels: string[] = [];
  rows.forEach((row, rowIndex) => {
    const fields = splitCsvLine(row.text);
    if (fields.length !== header.columns.length) {
      throw new DatasetError(
        'RaggedRow',
        `Row ${rowIndex + 1} (line ${row.line}) has ${fields.length} fields; the header has ${header.columns.length}.`,
        { row: rowIndex + 1, line: row.line },
      );
    }
    features.push(featureIndexes.map((column) => readFeature(fields[column], header.columns[column], rowIndex, row)));
    rawLabels.push(fields[labelIndex]);
  });
  const labelName = header.columns[labelIndex];
  const { classes, labels } = header.declaredClasses
    ? indexedLabels(rawLabels, header.declaredClasses, labelName, rows)
    : encodeLabels(rawLabels, labelName, rows);
  return { featureNames: featureIndexes.map((index) => header.columns[index]), labelName, classes, features, labels };
}

/**
 * Stratified k-fold needs every class in every test fold, so each class needs at least k rows
 * (scikit-learn only warns about this; a fold without a class would score a different problem).
 */
export function assertRowsPerClass(dataset: Dataset, k: number): void {
  const counts = dataset.classes.map(() => 0);
  for (const label of dataset.labels) counts[label]++;
  counts.forEach((count, classIndex) => {
    if (count < k) {
      const name = dataset.classes[classIndex];
      throw new DatasetError(
        'TooFewRows',
        `Class "${name}" has ${count} row(s); ${k}-fold stratified cross-validation needs at least ${k} per class.`,
        { column: dataset.labelName },
      );
    }
  });
}

function readHeader(fields: string[], firstRow: Line): Header {
  const [samples, featureCount, ...classNames] = fields;
  const isCount = (field: string | undefined) => field !== undefined && /^\d+$/.test(field);
  const dataWidth = splitCsvLine(firstRow.text).length;
  if (isCount(samples) && isCount(featureCount) && classNames.length > 0 && Number(featureCount) + 1 === dataWidth) {
    const featureNames = Array.from({ length: Number(featureCount) }, (_, index) => `feature_${index}`);
    return { columns: [...featureNames, 'target'], declaredClasses: classNames };
  }
  return { columns: fields };
}

function findLabelColumn(columns: readonly string[], labelColumn: string | undefined): number {
  if (labelColumn === undefined) return columns.length - 1;
  const index = columns.indexOf(labelColumn);
  if (index < 0) {
    throw new DatasetError(
      'MissingLabelColumn',
      `Label column "${labelColumn}" is not in the dataset; its columns are: ${columns.map((c) => `"${c}"`).join(', ')}.`,
      { column: labelColumn },
    );
  }
  return index;
}

function readFeature(field: string, column: string, rowIndex: number, row: Line): number {
  const value = parseDecimal(field);
  if (value === undefined) {
    throw new DatasetError(
      'NonNumericFeature',
      `Row ${rowIndex + 1} (line ${row.line}), column "${column}": "${field}" is not a number.`,
      { row: rowIndex + 1, line: row.line, column },
    );
  }
  return value;
}

function invalidLabel(reason: string, labelName: string, rowIndex: number, rows: readonly Line[]): DatasetError {
  const row = rows[rowIndex];
  return new DatasetError('InvalidLabel', `Row ${rowIndex + 1} (line ${row.line}), column "${labelName}": ${reason}.`, {
    row: rowIndex + 1,
    line: row.line,
    column: labelName,
  });
}

function indexedLabels(raw: string[], classes: readonly string[], labelName: string, rows: readonly Line[]) {
  const labels = raw.map((field, rowIndex) => {
    const index = /^\d+$/.test(field) ? Number(field) : -1;
    if (index < 0 || index >= classes.length) {
      throw invalidLabel(`"${field}" is not a class index 0…${classes.length - 1} declared in the header`, labelName, rowIndex, rows);
    }
    return index;
  });
  return { classes, labels };
}

/** Classes in `np.unique` order: numeric when every label is a number, else by code point. */
function encodeLabels(raw: string[], labelName: string, rows: readonly Line[]) {
  const emptyAt = raw.findIndex((field) => field === '');
  if (emptyAt >= 0) throw invalidLabel('the label is empty', labelName, emptyAt, rows);
  const unique = [...new Set(raw)];
  const numeric = unique.every((field) => parseDecimal(field) !== undefined);
  const classes = numeric
    ? unique.sort((a, b) => Number(a) - Number(b))
    : unique.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const indexOf = new Map(classes.map((name, index) => [name, index]));
  return { classes, labels: raw.map((field) => indexOf.get(field)!) };
}
