/**
 * Splits one CSV line into trimmed fields (RFC 4180 quoting: `"a,b"` and `""` for a quote), enough for
 * dataset files exported by spreadsheets and pandas; multi-line quoted fields are not supported.
 */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      fields.push(field.trim());
      field = '';
    } else {
      field += char;
    }
  }
  fields.push(field.trim());
  return fields;
}

/** Non-blank lines with their 1-based line numbers, so errors can point into the file. */
export function csvLines(text: string): { text: string; line: number }[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((lineText, index) => ({ text: lineText, line: index + 1 }))
    .filter(({ text: lineText }) => lineText.trim() !== '');
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A finite decimal number, or undefined: `Number()` would accept '' and ' ', and NaN/Infinity. */
export function parseDecimal(field: string): number | undefined {
  return DECIMAL.test(field) ? Number(field) : undefined;
}
