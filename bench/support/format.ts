/** Small helpers for readable bench output. */

export function int(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

export function ms(value: number | undefined, digits = 2): string {
  return value === undefined || Number.isNaN(value) ? '–' : `${value.toFixed(digits)} ms`;
}

export function ratio(value: number): string {
  return value.toFixed(2);
}

export function bytes(value: number): string {
  return value < 10_240 ? `${int(value)} B` : `${(value / 1024).toFixed(1)} KiB (${int(value)} B)`;
}

/** Renders rows as an aligned plain-text table; columns listed in `right` are right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], right: readonly number[] = []): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return right.includes(column) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('   ')
      .trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('   ');
  return [line(header), rule, ...rows.map(line)].map((text) => `  ${text}`).join('\n');
}

export function heading(text: string): string {
  return `\n${text}\n${'═'.repeat(text.length)}`;
}
