/**
 * What every benchmark shares: medians of repeated runs, and tables that print each figure
 * beside the floor it is compared with. Figures are ratios to a floor measured in the same run
 * (`node -e 0`, `JSON.parse`), so they mean the same on a fast laptop and a slow CI box.
 */
import { type SpawnSyncOptions, spawnSync } from "node:child_process";
import { cpus } from "node:os";

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface Repeat {
  /** Runs thrown away first, so the JIT and the file cache are warm. */
  warmup?: number;
  runs?: number;
}

const collectGarbage = (globalThis as { gc?: () => void }).gc;

/** Median milliseconds of `fn` over `runs` runs, after `warmup` unmeasured ones. */
export function timeMedian(fn: () => unknown, { warmup = 2, runs = 7 }: Repeat = {}): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Each run starts with an empty young generation (run.mjs passes --expose-gc), so one
    // run's garbage is not collected on the next one's time.
    collectGarbage?.();
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

export interface PairedTimes {
  /** Median milliseconds of the subject. */
  ms: number;
  /** Median milliseconds of the floor. */
  floorMs: number;
  /** Median over runs of subject time / floor time, the two run alternately. */
  timeRatio: number;
}

/**
 * Times `fn` against a floor function, alternating them run by run, so load from elsewhere on
 * the machine slows both alike and the ratio stays honest.
 */
export function timeAgainst(
  fn: () => unknown,
  floor: () => unknown,
  { warmup = 2, runs = 7 }: Repeat = {},
): PairedTimes {
  for (let i = 0; i < warmup; i++) {
    fn();
    floor();
  }
  const times: number[] = [];
  const floors: number[] = [];
  const ratios: number[] = [];
  const once = (f: () => unknown): number => {
    collectGarbage?.();
    const start = process.hrtime.bigint();
    f();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  for (let i = 0; i < runs; i++) {
    const f = once(floor);
    const t = once(fn);
    floors.push(f);
    times.push(t);
    ratios.push(t / f);
  }
  return { ms: median(times), floorMs: median(floors), timeRatio: median(ratios) };
}

export interface ProcessRun {
  ms: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion and times it from spawn to exit (wall clock). */
export function runProcess(
  command: string,
  args: readonly string[],
  options: SpawnSyncOptions = {},
): ProcessRun {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 30, ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw result.error;
  return {
    ms,
    status: result.status,
    stdout: String(result.stdout),
    stderr: String(result.stderr),
  };
}

/**
 * Median wall time of a whole process. `before` runs ahead of each run, untimed (to reset a
 * file, say). A run that exits non-zero fails the benchmark: a fast wrong answer is no figure.
 */
export function timeProcess(
  command: string,
  args: readonly string[],
  options: SpawnSyncOptions & Repeat & { before?: () => void } = {},
): number {
  const { warmup = 1, runs = 9, before, ...spawnOptions } = options;
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    before?.();
    const run = runProcess(command, args, spawnOptions);
    if (run.status !== 0) {
      throw new Error(
        `${command} ${args.join(" ")} exited ${run.status}: ${run.stderr.slice(0, 500)}`,
      );
    }
    if (i >= warmup) times.push(run.ms);
  }
  return median(times);
}

export interface Command {
  command: string;
  args: readonly string[];
  options?: SpawnSyncOptions;
  /** Runs, untimed, before each run (to remove a cache, say). */
  before?: () => void;
}

export interface Paired {
  /** Median wall time of the subject. */
  ms: number;
  /** Median wall time of the floor, run between the subject's runs. */
  floorMs: number;
  /** Median of each run's subject/floor ratio: robust to load that comes and goes. */
  ratio: number;
  runs: number;
}

/**
 * Times a command against a floor command, alternating them run by run, so a machine busy
 * with something else slows both alike and the ratio stays honest. Fewer runs when one run is
 * slow (a peer at 100k items), so the whole benchmark ends in minutes.
 */
export function timeAgainstFloor(subject: Command, floor: Command, runs?: number): Paired {
  const once = (c: Command): number => {
    c.before?.();
    const run = runProcess(c.command, c.args, c.options);
    if (run.status !== 0) {
      throw new Error(
        `${c.command} ${c.args.join(" ")} exited ${run.status}: ${run.stderr.slice(0, 500)}`,
      );
    }
    return run.ms;
  };
  const probe = once(subject); // also the warm-up: the file is in the page cache after it
  once(floor);
  const n = runs ?? (probe > 2000 ? 3 : probe > 500 ? 5 : 15);
  const times: number[] = [];
  const floors: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < n; i++) {
    const f = once(floor);
    const t = once(subject);
    floors.push(f);
    times.push(t);
    ratios.push(t / f);
  }
  return { ms: median(times), floorMs: median(floors), ratio: median(ratios), runs: n };
}

/** Is a command on PATH? (`command -v`, so shell builtins and scripts count too.) */
export function installed(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).status === 0;
}

export function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  return `${cpus().length} × ${cpu}, Node ${process.version}, ${process.platform}-${process.arch}`;
}

export const fmt = {
  ms: (v: number) => `${v.toFixed(1)} ms`,
  mbps: (v: number) => `${v.toFixed(0)} MB/s`,
  ratio: (v: number) => `${v.toFixed(2)}×`,
  count: (v: number) => (v >= 1000 ? `${v / 1000}k` : String(v)),
};

/** Prints rows as an aligned plain-text table (first row: the header). */
export function printTable(rows: readonly (readonly string[])[]): void {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) =>
        i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number),
      )
      .join("  ");
  const out = [
    line(rows[0] ?? []),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.slice(1).map(line),
  ];
  process.stdout.write(`${out.join("\n")}\n`);
}

/** One line stating a target and whether this run met it; returns whether it did. */
export function verdict(target: string, met: boolean, detail: string): boolean {
  process.stdout.write(`target: ${target}: ${met ? "MET" : "NOT MET"} (${detail})\n`);
  return met;
}
