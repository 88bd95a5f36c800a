import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expandCalendar } from "../../core/calendar/expand.js";
import { fakeIO, tempDocket } from "../fake-io.js";
import { runCli } from "../main.js";

/**
 * A calendar larger than the chunks it is read in (64 KB), imported through the command:
 * read twice a chunk at a time, series by series into the ledger (expand.ts, store/
 * calendar-ledger-import.ts), with a progress bar on a terminal and none when piped.
 */
const BERLIN = [
  "BEGIN:VTIMEZONE",
  "TZID:Office Time",
  "BEGIN:STANDARD",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "END:STANDARD",
  "BEGIN:DAYLIGHT",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "END:DAYLIGHT",
  "END:VTIMEZONE",
];

/** 600 series, each override before its event, the zone they are in only at the very end. */
function bigCalendar(): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:test"];
  for (let i = 0; i < 600; i++) {
    const day = String(2 + (i % 27)).padStart(2, "0");
    const hour = String(8 + (i % 9)).padStart(2, "0");
    // Multi-byte titles, so characters fall across chunk boundaries.
    const title = `Réunion ${"é".repeat(i % 7)} ${i} — revue`;
    if (i % 3 === 0) {
      lines.push(
        "BEGIN:VEVENT",
        `UID:s${i}`,
        `RECURRENCE-ID;TZID=Office Time:202611${day}T${hour}0000`,
        `DTSTART;TZID=Office Time:202611${day}T${hour}3000`,
        `DTEND;TZID=Office Time:202611${day}T${hour}4500`,
        `SUMMARY:${title} (moved)`,
        "END:VEVENT",
      );
    }
    lines.push(
      "BEGIN:VEVENT",
      `UID:s${i}`,
      `DTSTART;TZID=Office Time:202611${day}T${hour}0000`,
      `DTEND;TZID=Office Time:202611${day}T${hour}3000`,
      "RRULE:FREQ=WEEKLY;COUNT=3",
      `SUMMARY:${title}`,
      `DESCRIPTION:${"Agenda, notes and a link to the call. ".repeat(3)}`,
      "END:VEVENT",
    );
  }
  lines.push(...BERLIN, "END:VCALENDAR", "");
  return lines.join("\r\n");
}

const range = ["--from", "2026-11-01", "--to", "2027-01-01"];

function setup() {
  const t = tempDocket("", "calendar:\n  timezone: Europe/Berlin\n");
  const cal = join(t.dir, "big.ics");
  const text = bigCalendar();
  writeFileSync(cal, text);
  return { ...t, cal, text, ledger: join(t.dir, "todo.calendar.tsv") };
}

describe("ppppt import calendar: a file larger than its chunks", () => {
  it("imports what one reading of the whole file finds", async () => {
    const { env, cal, text, ledger } = setup();
    expect(Buffer.byteLength(text)).toBeGreaterThan(3 * 65_536);
    const io = fakeIO(env);
    expect(await runCli(["import", "calendar", cal, ...range], io)).toBe(0);
    const whole = expandCalendar(text, {
      file: cal,
      from: "2026-11-01",
      to: "2027-01-01",
      userZone: "Europe/Berlin",
      me: [],
    });
    expect(whole.occurrences).toHaveLength(1800);
    const events = readFileSync(ledger, "utf8")
      .split("\n")
      .filter((l) => l.startsWith("event\t"))
      .map((l) => l.split("\t"));
    const key = (f: string[]) => [f[2], f[3], f[4], f[5], f[11]].join(" ");
    expect(events.map(key).sort()).toEqual(
      whole.occurrences.map((o) => [o.uid, o.instance, o.start, o.end, o.title].join(" ")).sort(),
    );
    expect(events.some((f) => f[11] === "Réunion éééééé 6 — revue (moved)")).toBe(true);
    // Read in the VTIMEZONE at the end: 08:30 on 2 November is winter time, +01:00.
    expect(events.map((f) => f[4])).toContain("2026-11-02T08:30+01:00");
  });

  it("draws a growing progress bar on a terminal's stderr, and erases it", async () => {
    const { env, cal } = setup();
    const drawn: string[] = [];
    const io = fakeIO(env);
    const code = await runCli(["import", "calendar", cal, ...range], {
      ...io,
      stderrIsTTY: true,
      progress: (text) => drawn.push(text),
    });
    expect(code).toBe(0);
    // Redrawn at most ten times a second: how many frames depends on the machine's speed.
    const frames = drawn.slice(0, -1);
    expect(frames.length).toBeGreaterThan(0);
    const erase = "\r\x1b[K";
    for (const f of frames) {
      expect(f.startsWith(erase)).toBe(true);
      expect(f.slice(erase.length)).toMatch(/^importing .*big\.ics \[[# ]{30}\] \d+% /);
    }
    const shares = frames.map((f) => Number(/(\d+)%/.exec(f)?.[1]));
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(drawn.at(-1)).toBe("\r\x1b[K");
    expect(io.err.join("")).toBe("");
  });

  it("draws none when stderr is piped, in process and as the built command", async () => {
    const { env, cal, dir } = setup();
    const io = fakeIO(env);
    const drawn: string[] = [];
    expect(
      await runCli(["import", "calendar", cal, ...range], {
        ...io,
        progress: (t) => drawn.push(t),
      }),
    ).toBe(0);
    expect(drawn).toEqual([]);
    const bin = join(import.meta.dirname, "..", "..", "..", "bin", "ppppt.cjs");
    const r = spawnSync(process.execPath, [bin, "import", "calendar", cal, ...range], {
      encoding: "utf8",
      env: { ...process.env, ...env, NO_COLOR: "1", PPPPT_CACHE: join(dir, "cache") },
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Nothing changed");
  });
});
