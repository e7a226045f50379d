// Writes bench/results.json, bench/results.md (the table the README quotes) and bench/latency.svg
// (a hand-written bar chart of p50/p90/p99 per series, log scale).
import fs from 'node:fs';
import path from 'node:path';
import type { LatencySeries, Row } from './workloads';

export interface Machine {
  /** 1/5/15-minute load averages when the run started: other work on the machine skews figures. */
  loadAverageAtStart: number[];
  cpu: string;
  cores: number;
  memoryGB: number;
  os: string;
  node: string;
  postgres: string;
}

export interface Results {
  mode: 'quick' | 'full';
  startedAt: string;
  seconds: number;
  machine: Machine;
  data: unknown;
  rows: Row[];
  series: LatencySeries[];
  raw: Record<string, unknown>;
  notes: string[];
  /** For every missed goal: what limits it and what would move it. */
  limits: string[];
  failures: string[];
}

const fmt = (v: number | string | null | undefined) =>
  v === null || v === undefined
    ? '–'
    : typeof v === 'number'
      ? Number.isInteger(v)
        ? v.toLocaleString('en')
        : String(v)
      : v;

function verdict(r: Row): string {
  if (r.met === null) return 'recorded';
  return r.met ? 'met' : '**NOT MET**';
}

export function markdown(res: Results): string {
  const m = res.machine;
  const lines = [
    `Bench run (${res.mode}) of ${res.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${Math.round(res.seconds)} s. ` +
      `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB RAM, ${m.os}; Node ${m.node}; ${m.postgres}; load average at start ${m.loadAverageAtStart.join(' / ')}. ` +
      'Load driver, servers and PostgreSQL share the machine: absolute figures are noise, the ratios are the result.',
    '',
    '| Workload | Measure | Hub | Baseline | Ratio | Goal | Result | Hub as share of W0 |',
    '|---|---|---:|---:|---:|---|---|---:|',
    ...res.rows.map(
      (r) =>
        `| ${r.workload} | ${r.measure} | ${fmt(r.hub)} | ${fmt(r.baseline)} | ${r.ratio === null ? '–' : `${r.ratio}x`} | ${r.goal} | ${verdict(r)} | ${r.shareOfW0 ?? '–'} |`,
    ),
    '',
    'Share of W0: the hub figure divided by hello world on raw node http (and, for the widget, by its SQL alone through pg).',
    '',
  ];
  const missed = res.rows.filter((r) => r.met === false);
  lines.push(
    missed.length
      ? `Goals not met: ${missed.length} of ${res.rows.filter((r) => r.met !== null).length}.`
      : 'Every goal was met.',
  );
  if (res.failures.length)
    lines.push('', 'Workloads that could not run:', ...res.failures.map((f) => `- ${f}`));
  if (res.limits.length) {
    lines.push(
      '',
      'What limits the missed goals, and what would move them:',
      '',
      ...res.limits.map((n) => `- ${n}`),
    );
  }
  if (res.notes.length) lines.push('', 'Notes:', ...res.notes.map((n) => `- ${n}`));
  return lines.join('\n') + '\n';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function svg(series: LatencySeries[]): string {
  const rowH = 26;
  const left = 230;
  const width = 900;
  const plotW = width - left - 40;
  const top = 50;
  const height = top + series.length * rowH + 50;
  const max = Math.max(1, ...series.map((s) => s.p99));
  const lo = 0.1;
  const x = (v: number) =>
    (Math.log10(Math.max(lo, v) / lo) / Math.log10(Math.max(max * 1.2, 1) / lo)) * plotW;
  const colors = { p50: '#4c78a8', p90: '#f58518', p99: '#e45756' };
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${left}" y="20" font-size="14" font-weight="bold">Latency per workload (ms, log scale): p50 / p90 / p99</text>`,
  ];
  for (const [i, k] of (['p50', 'p90', 'p99'] as const).entries()) {
    out.push(
      `<rect x="${left + i * 70}" y="30" width="10" height="10" fill="${colors[k]}"/><text x="${left + i * 70 + 14}" y="39">${k}</text>`,
    );
  }
  for (let t = lo; t <= max * 1.2; t *= 10) {
    const tx = left + x(t);
    out.push(
      `<line x1="${tx}" y1="${top - 4}" x2="${tx}" y2="${height - 40}" stroke="#ddd"/><text x="${tx}" y="${height - 25}" text-anchor="middle" fill="#555">${t >= 1 ? Math.round(t) : t}</text>`,
    );
  }
  series.forEach((s, i) => {
    const y = top + i * rowH;
    out.push(`<text x="${left - 8}" y="${y + 16}" text-anchor="end">${esc(s.label)}</text>`);
    (['p50', 'p90', 'p99'] as const).forEach((k, j) => {
      out.push(
        `<rect x="${left}" y="${y + 3 + j * 7}" width="${Math.max(1, x(s[k])).toFixed(1)}" height="6" fill="${colors[k]}"><title>${esc(s.label)} ${k} ${s[k]} ms</title></rect>`,
      );
    });
    out.push(
      `<text x="${left + x(s.p99) + 4}" y="${y + 22}" fill="#333" font-size="10">${s.p99}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/** Formats like `npm run lint` expects when Prettier (a dev dependency) is installed. */
async function pretty(text: string, filepath: string): Promise<string> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const prettier = require('prettier') as typeof import('prettier');
    const options = (await prettier.resolveConfig(filepath)) ?? {};
    return await prettier.format(text, { ...options, filepath });
  } catch {
    return text;
  }
}

export async function writeResults(dir: string, res: Results): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, 'results.json');
  fs.writeFileSync(json, await pretty(JSON.stringify(res, null, 2) + '\n', json));
  const md = path.join(dir, 'results.md');
  fs.writeFileSync(md, await pretty(markdown(res), md));
  fs.writeFileSync(path.join(dir, 'latency.svg'), svg(res.series));
}

export const README_START = '<!-- bench:results:start -->';
export const README_END = '<!-- bench:results:end -->';

/** Puts the table of a full run between the README's bench markers; false when they are missing. */
export async function updateReadme(readmePath: string, res: Results): Promise<boolean> {
  if (!fs.existsSync(readmePath)) return false;
  const text = fs.readFileSync(readmePath, 'utf8');
  const a = text.indexOf(README_START);
  const b = text.indexOf(README_END);
  if (a < 0 || b < a) return false;
  const block = `${README_START}\n${markdown(res).trim()}\n${README_END}`;
  const updated = text.slice(0, a) + block + text.slice(b + README_END.length);
  fs.writeFileSync(readmePath, await pretty(updated, readmePath));
  return true;
}
