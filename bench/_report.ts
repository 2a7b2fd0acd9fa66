import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** One row of a benchmark table. */
export type Row = Record<string, string | number>;

export function printTable(title: string, rows: Row[]): void {
  console.log(`\n${title}`);
  console.table(rows);
}

/** Writes bench/results/NAME.json with the machine it ran on. */
export function writeResults(name: string, results: Record<string, unknown>): void {
  const dir = `${process.env.SER_BENCH_DIR ?? new URL('.', import.meta.url).pathname}/results/`;
  mkdirSync(dir, { recursive: true });
  const machine = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length };
  writeFileSync(`${dir}${name}.json`, `${JSON.stringify({ date: new Date().toISOString(), machine, ...results }, null, 2)}\n`);
  console.log(`\nwrote bench/results/${name}.json`);
}

/** Median of `runs` timings of fn, in ms, after `warmup` untimed calls. */
export function medianMs(fn: () => void, runs: number, warmup = Math.ceil(runs / 5)): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function medianMsAsync(fn: () => Promise<unknown>, runs: number): Promise<number> {
  for (let i = 0; i < Math.ceil(runs / 5); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
