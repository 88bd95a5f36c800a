/**
 * One expansion of a calendar file by ppppt's core, the way `ppppt import calendar` reads it:
 * a chunk at a time, twice (a plan, then series by series: core/calendar/expand.ts), each
 * occurrence counted and let go. Prints one JSON line: the work's wall and CPU time, the whole
 * process's CPU time (start-up and loading included) and its peak RSS. The bench runs it
 * bundled (no TypeScript loader), so the whole process is what a bundled CLI costs.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { CalendarExpander, CalendarPlanner } from "../src/core/calendar/expand.js";

const [file, from, to] = process.argv.slice(2) as [string, string, string];
const loadedCpu = process.cpuUsage();
const start = process.hrtime.bigint();

function readChunks(push: (text: string) => void): void {
  const fd = openSync(file, "r");
  const buffer = Buffer.allocUnsafe(1 << 16);
  const decoder = new TextDecoder("utf-8");
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      push(decoder.decode(buffer.subarray(0, n), { stream: true }));
    }
    push(decoder.decode());
  } finally {
    closeSync(fd);
  }
}

const planner = new CalendarPlanner(file);
readChunks((t) => planner.push(t));
let counted = 0;
let allDay = 0;
const expander = new CalendarExpander(
  planner.end(),
  { file, from, to, userZone: "Europe/Berlin", me: [] },
  (occurrences) => {
    for (const o of occurrences) {
      if (o.bucket === "allDay") allDay++;
      else if (o.bucket !== "cancelled") counted++;
    }
  },
);
readChunks((t) => expander.push(t));
expander.end();
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const used = process.cpuUsage(loadedCpu);
const total = process.cpuUsage();
process.stdout.write(
  `${JSON.stringify({
    ms,
    cpuMs: (used.user + used.system) / 1000,
    processCpuMs: (total.user + total.system) / 1000,
    counted,
    allDay,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
