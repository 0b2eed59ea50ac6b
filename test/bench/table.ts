// Plain-text tables for bench sections: aligned columns, no dependencies.

export type Cell = string | number;

const show = (c: Cell): string => (typeof c === 'number' ? formatNumber(c) : c);

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 1) return n.toFixed(2);
  return n.toFixed(3);
}

export function printTable(title: string, header: readonly string[], rows: readonly (readonly Cell[])[]): void {
  const cells = [header, ...rows].map((r) => r.map(show));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  console.log(`\n${title}`);
  console.log(line(cells[0] ?? []));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
}

/** "met" / "MISSED" beside a figure, so a reader sees the verdict without doing sums. */
export const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');
