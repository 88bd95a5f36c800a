/**
 * Calendar import speed: MB/s and peak memory of expanding a large calendar (bench/
 * generate-calendar.ts) over a year, beside Debian's python3-recurring-ical-events expanding
 * the same file over the same year in the same run (bench/calendar_reference.py). Both timed
 * inside their own process, reading the file included, in CPU time (the machine is shared:
 * wall time swings with the neighbours' load); both must find the same occurrences.
 * Target: 5× the reference's speed.
 */
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCalendar } from "./generate-calendar.js";
import { fmt, machine, median, printTable, runProcess, verdict } from "./measure.js";

/** Events in the generated calendar; PPPPT_BENCH_SIZES=1000 for a quick run. */
const SIZES = (process.env.PPPPT_BENCH_SIZES ?? "2000,20000").split(",").map(Number);
const RUNS = Number(process.env.PPPPT_BENCH_RUNS ?? 3);
const TARGET = 5;
const FROM = "2026-01-01";
const TO = "2027-01-01";

interface Run {
  ms: number;
  cpuMs: number;
  counted: number;
  allDay: number;
  maxRssMb: number;
}

function run(command: string, args: string[]): Run {
  const r = runProcess(command, args);
  if (r.status !== 0) throw new Error(`${command} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  return JSON.parse(r.stdout.trim()) as Run;
}

process.stdout.write(`calendar expansion — ${machine()}\n`);
const rows = [
  [
    "events",
    "file",
    "occurrences",
    "ppppt",
    "MB/s",
    "peak",
    "reference",
    "MB/s",
    "peak",
    "speed-up",
  ],
];
let last = 0;
for (const size of SIZES) {
  const text = generateCalendar(size);
  const file = join(tmpdir(), `ppppt-bench-calendar-${size}.ics`);
  writeFileSync(file, text);
  const mb = Buffer.byteLength(text) / 1e6;
  const ours: Run[] = [];
  const theirs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(
      run(process.execPath, [
        "--import",
        "tsx",
        join(import.meta.dirname, "calendar-worker.ts"),
        file,
        FROM,
        TO,
      ]),
    );
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
  last = refMs / ms;
  rows.push([
    String(size),
    `${mb.toFixed(1)} MB`,
    String(a.counted + a.allDay),
    fmt.ms(ms),
    fmt.mbps(mb / (ms / 1000)),
    `${Math.max(...ours.map((r) => r.maxRssMb)).toFixed(0)} MB`,
    fmt.ms(refMs),
    fmt.mbps(mb / (refMs / 1000)),
    `${Math.max(...theirs.map((r) => r.maxRssMb)).toFixed(0)} MB`,
    fmt.ratio(last),
  ]);
}
printTable(rows);
verdict(
  `${TARGET}× python3-recurring-ical-events`,
  last >= TARGET,
  `${fmt.ratio(last)} at the largest size`,
);
