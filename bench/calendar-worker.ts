/**
 * One expansion of a calendar file by ppppt's core, timed inside the process (reading the file
 * included), so the figure is the import's work and not tsx's start-up: wall time and CPU time
 * (the fairer figure on a shared machine). Prints one JSON line.
 */
import { readFileSync } from "node:fs";
import { expandCalendar } from "../src/core/calendar/expand.js";

const [file, from, to] = process.argv.slice(2) as [string, string, string];
const start = process.hrtime.bigint();
const cpu = process.cpuUsage();
const r = expandCalendar(readFileSync(file, "utf8"), {
  file,
  from,
  to,
  userZone: "Europe/Berlin",
  me: [],
});
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const used = process.cpuUsage(cpu);
const cpuMs = (used.user + used.system) / 1000;
const counted = r.occurrences.filter(
  (o) => o.bucket !== "cancelled" && o.bucket !== "allDay",
).length;
const allDay = r.occurrences.filter((o) => o.bucket === "allDay").length;
process.stdout.write(
  `${JSON.stringify({ ms, cpuMs, counted, allDay, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
