/**
 * Calendar import speed and memory.
 *
 * 1. Expansion: MB/s and peak memory of expanding a generated calendar (bench/
 *    generate-calendar.ts) over a year, the way the import reads it (two streamed readings:
 *    bench/calendar-worker.ts, bundled), beside Debian's python3-recurring-ical-events
 *    expanding the same file over the same year in the same run (bench/calendar_reference.py).
 *    Both must find the same occurrences. Timed in CPU time (the machine is shared: wall time
 *    swings with the neighbours' load): the work inside each process (reading the file
 *    included), and the whole process (start-up and loading the libraries included), which is
 *    what decides a small file. Target: 5× the reference's speed on the work.
 * 2. Import: the built `ppppt import calendar` on a 10 MB and a 50 MB calendar, into a fresh
 *    ledger: CPU time, MB/s and the process's peak RSS. "Flat memory" is taken as the 50 MB
 *    import's peak RSS within 1.2× the 10 MB import's, though it brings five times the
 *    occurrences into the ledger.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { generateCalendar } from "./generate-calendar.js";
import { fmt, machine, median, printTable, runProcess, verdict } from "./measure.js";

/** Events in the generated calendar; PPPPT_BENCH_SIZES=300 for a quick run. */
const SIZES = sizes(process.env.PPPPT_BENCH_SIZES ?? "300,3000");
const RUNS = Number(process.env.PPPPT_BENCH_RUNS ?? 3);
/** Calendar sizes for the import, in MB; PPPPT_BENCH_IMPORT_MB=1,5 for a quick run. */
const IMPORT_MB = sizes(process.env.PPPPT_BENCH_IMPORT_MB ?? "10,50");
const TARGET = 5;
const FLAT = 1.2;
const FROM = "2026-01-01";
const TO = "2027-01-01";
/** Bytes an event of the generated calendar takes, about (a Google export's). */
const EVENT_BYTES = 909;

/** A list of sizes; empty skips that part. */
function sizes(list: string): number[] {
  return list
    .split(",")
    .filter((x) => x.trim() !== "")
    .map(Number);
}

/** MB/s with a decimal: a small file goes at less than one. */
const mbps = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} MB/s`;

interface Run {
  ms: number;
  cpuMs: number;
  processCpuMs: number;
  counted: number;
  allDay: number;
  maxRssMb: number;
}

function run(command: string, args: string[]): Run {
  const r = runProcess(command, args);
  if (r.status !== 0) throw new Error(`${command} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  return JSON.parse(r.stdout.trim()) as Run;
}

const work = mkdtempSync(join(tmpdir(), "ppppt-bench-calendar-"));
const worker = join(work, "calendar-worker.cjs");
await build({
  entryPoints: [join(import.meta.dirname, "calendar-worker.ts")],
  outfile: worker,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  logLevel: "silent",
});

process.stdout.write(`calendar — ${machine()}\n`);
const rows = [
  [
    "events",
    "file",
    "occurrences",
    "ppppt work",
    "MB/s",
    "process",
    "peak",
    "reference work",
    "MB/s",
    "process",
    "peak",
    "speed-up",
    "process",
  ],
];
let last = 0;
for (const size of SIZES) {
  const text = generateCalendar(size);
  const file = join(work, `calendar-${size}.ics`);
  writeFileSync(file, text);
  const mb = Buffer.byteLength(text) / 1e6;
  const ours: Run[] = [];
  const theirs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(run(process.execPath, [worker, file, FROM, TO]));
    theirs.push(
      run("/usr/bin/python3", [join(import.meta.dirname, "calendar_reference.py"), file, FROM, TO]),
    );
  }
  const a = ours[0] as Run;
  const b = theirs[0] as Run;
  if (a.counted !== b.counted || a.allDay !== b.allDay) {
    throw new Error(
      `different occurrences: ppppt ${a.counted}+${a.allDay}, reference ${b.counted}+${b.allDay}`,
    );
  }
  const ms = median(ours.map((r) => r.cpuMs));
  const refMs = median(theirs.map((r) => r.cpuMs));
  const whole = median(ours.map((r) => r.processCpuMs));
  const refWhole = median(theirs.map((r) => r.processCpuMs));
  last = refMs / ms;
  rows.push([
    String(size),
    `${mb.toFixed(1)} MB`,
    String(a.counted + a.allDay),
    fmt.ms(ms),
    mbps(mb / (ms / 1000)),
    fmt.ms(whole),
    `${Math.max(...ours.map((r) => r.maxRssMb)).toFixed(0)} MB`,
    fmt.ms(refMs),
    mbps(mb / (refMs / 1000)),
    fmt.ms(refWhole),
    `${Math.max(...theirs.map((r) => r.maxRssMb)).toFixed(0)} MB`,
    fmt.ratio(last),
    fmt.ratio(refWhole / whole),
  ]);
}
if (SIZES.length > 0) {
  process.stdout.write(`\nexpansion (streamed, bundled) beside python3-recurring-ical-events\n`);
  printTable(rows);
  process.stdout.write(
    "work: CPU time inside the process, reading the file included; process: the whole process's CPU time, start-up and loading included\n",
  );
  verdict(
    `${TARGET}× python3-recurring-ical-events`,
    last >= TARGET,
    `${fmt.ratio(last)} on the work at the largest size`,
  );
}

// 2. The import as users run it, into a fresh ledger each time.
const bin = join(import.meta.dirname, "..", "bin", "ppppt.cjs");
const usage = join(work, "usage.json");
const preload = join(work, "usage.cjs");
writeFileSync(
  preload,
  `process.on("exit", () => { const u = process.cpuUsage(); require("node:fs").writeFileSync(${JSON.stringify(usage)}, JSON.stringify({ cpuMs: (u.user + u.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 })); });\n`,
);
if (IMPORT_MB.length > 0) {
  process.stdout.write(`\nimport (the built CLI, ${FROM} to ${TO}, into a fresh ledger)\n`);
}
const importRows = [["file", "occurrences", "CPU", "MB/s", "peak RSS", "ledger"]];
const peaks: number[] = [];
for (const mbWanted of IMPORT_MB) {
  const file = join(work, `import-${mbWanted}.ics`);
  writeFileSync(file, generateCalendar(Math.round((mbWanted * 1e6) / EVENT_BYTES), 2));
  const mb = statSync(file).size / 1e6;
  const home = mkdtempSync(join(work, "home-"));
  writeFileSync(join(home, "todo.txt"), "");
  writeFileSync(join(home, "config.yaml"), "calendar:\n  timezone: Europe/Berlin\n");
  const r = runProcess(
    process.execPath,
    ["--require", preload, bin, "import", "calendar", file, "--from", FROM, "--to", TO, "--json"],
    {
      env: {
        ...process.env,
        PPPPT_FILE: join(home, "todo.txt"),
        PPPPT_CONFIG: join(home, "config.yaml"),
        PPPPT_CACHE: join(home, "cache"),
        NO_COLOR: "1",
      },
    },
  );
  if (r.status !== 0) throw new Error(`import exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  const [s] = JSON.parse(r.stdout) as Record<
    "timed" | "allDay" | "cancelled" | "declined" | "free",
    number
  >[];
  if (!s) throw new Error(`no summary from the import: ${r.stdout.slice(0, 200)}`);
  const occurrences = s.timed + s.allDay + s.cancelled + s.declined + s.free;
  const u = JSON.parse(readFileSync(usage, "utf8")) as { cpuMs: number; maxRssMb: number };
  peaks.push(u.maxRssMb);
  importRows.push([
    `${mb.toFixed(1)} MB`,
    String(occurrences),
    fmt.ms(u.cpuMs),
    mbps(mb / (u.cpuMs / 1000)),
    `${u.maxRssMb.toFixed(0)} MB`,
    `${(statSync(join(home, "todo.calendar.tsv")).size / 1e6).toFixed(1)} MB`,
  ]);
  rmSync(home, { recursive: true, force: true });
  rmSync(file, { force: true });
}
if (IMPORT_MB.length > 0) {
  printTable(importRows);
  const growth = (peaks.at(-1) as number) / (peaks[0] as number);
  verdict(
    `flat memory: peak RSS at ${IMPORT_MB.at(-1)} MB within ${FLAT}× of ${IMPORT_MB[0]} MB's`,
    growth <= FLAT,
    `${fmt.ratio(growth)}`,
  );
}
rmSync(work, { recursive: true, force: true });
