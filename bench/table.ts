/** Plain-text table with right-aligned numbers, for a terminal or a pasted report. */
export function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

export function formatRate(rate: number | undefined): string {
  return rate === undefined ? 'n/a' : Math.round(rate).toLocaleString('en');
}

export function formatRatio(numerator: number | undefined, denominator: number | undefined, target: number): string {
  if (numerator === undefined || denominator === undefined) return 'n/a';
  const ratio = numerator / denominator;
  return `${ratio.toFixed(2)}× ${ratio >= target ? '✓' : '✗'}`;
}
