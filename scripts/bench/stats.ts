/** Percentiles and the one table the bench prints. */

/** Nearest-rank percentile (p in 0..100) of `values`; NaN when empty. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface Row {
  measure: string;
  bot: string;
  baseline: string;
  ratio: string;
  target: string;
  /** undefined = shown for how cost grows, not judged. */
  ok?: boolean;
}

export function ms(v: number): string {
  return Number.isFinite(v) ? (v < 10 ? `${v.toFixed(1)} ms` : `${Math.round(v)} ms`) : 'n/a';
}

export function times(v: number): string {
  return Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(0)}×` : 'n/a';
}

export function table(rows: Row[]): string {
  const head: Row = {
    measure: 'measure',
    bot: 'bot',
    baseline: 'baseline (same run)',
    ratio: 'ratio',
    target: 'target',
    ok: undefined,
  };
  const cells = (r: Row) => [
    r.measure,
    r.bot,
    r.baseline,
    r.ratio,
    r.target,
    r === head ? 'met' : r.ok === undefined ? '—' : r.ok ? 'yes' : '**NO**',
  ];
  const all = [head, ...rows].map(cells);
  const widths = all[0].map((_, i) => Math.max(...all.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  return [line(all[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...all.slice(1).map(line)].join('\n');
}
