import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Figure } from './figure';
import type { Machine } from './server';

/** The table on stdout and the generated sections of docs/benchmarks.md. */

export interface RunSummary {
  backing: 'redis' | 'postgres';
  scale: string;
  server: string;
  machine: Machine;
  date: Date;
  seconds: number;
  rowCounts: Record<string, number>;
  generation: string;
  figures: Figure[];
}

const COLUMNS: [string, (f: Figure) => string][] = [
  ['figure', (f) => f.name],
  ['value', (f) => f.value],
  ['baseline', (f) => f.baseline],
  ['ratio', (f) => f.ratio ?? '—'],
  ['target', (f) => f.target],
  ['met', (f) => (f.met ? 'yes' : 'NO')],
];

/** A plain-text table for the terminal. */
export function textTable(figures: Figure[]): string {
  const rows = figures.map((f) => COLUMNS.map(([, cell]) => cell(f)));
  const widths = COLUMNS.map(([title], i) => Math.max(title.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(COLUMNS.map(([title]) => title)), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const count = (n: number) => n.toLocaleString('en-US');

/** The generated section for one backing, between its markers. */
export function markdownSection(run: RunSummary): string {
  const { machine } = run;
  const lines = [
    `Measured ${run.date.toISOString().replace(/\.\d+Z$/, 'Z')} at scale **${run.scale}**, in ${Math.round(run.seconds)} s.`,
    '',
    `- Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB memory`,
    `- Node ${machine.node}; PostgreSQL ${machine.postgres} (${run.server}); ${
      machine.redis ? `Redis ${machine.redis}` : 'no Redis (BullMQ on its PostgreSQL backend)'
    }`,
    `- Data at the end of the run: ${Object.entries(run.rowCounts)
      .map(([table, n]) => `${table} ${count(n)}`)
      .join(', ')}`,
    `- Generation: ${run.generation}`,
    '',
    '| figure | how | value | baseline | ratio | target | met |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...run.figures.map(
      (f) =>
        `| ${cell(f.name)} | ${cell(f.how)} | ${cell(f.value)} | ${cell(f.baseline)} | ${cell(f.ratio ?? '—')} | ${cell(
          f.target,
        )} | ${f.met ? 'yes' : '**no**'} |`,
    ),
  ];
  const notes = run.figures.filter((f) => f.note);
  if (notes.length) {
    lines.push('', 'Notes:', '', ...notes.map((f) => `- **${f.name}**: ${f.note!.replace(/\n/g, ' ')}`));
  }
  return lines.join('\n');
}

/**
 * Replaces what stands between the lines `<!-- bench:<backing> -->` and
 * `<!-- /bench:<backing> -->` (each alone on its line) in the document,
 * appending a section with the markers if there is none; everything else,
 * hand-written, stays as it is.
 */
export function writeSection(path: string, backing: string, section: string): void {
  const open = `<!-- bench:${backing} -->`;
  const close = `<!-- /bench:${backing} -->`;
  const document = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const line = (marker: string) => new RegExp(`^${marker.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`, 'm');
  const start = line(open).exec(document);
  const end = line(close).exec(document);
  const body = `${open}\n\n${section}\n\n${close}`;
  const updated =
    start && end && end.index > start.index
      ? document.slice(0, start.index) + body + document.slice(end.index + close.length)
      : `${document.trimEnd()}\n\n## Results: ${backing}\n\n${body}\n`;
  writeFileSync(path, updated);
}
