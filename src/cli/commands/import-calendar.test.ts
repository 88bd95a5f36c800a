import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPpppt, tempDocket } from "../fake-io.js";

function ics(...events: string[][]): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:test"];
  for (const e of events) lines.push("BEGIN:VEVENT", ...e, "END:VEVENT");
  lines.push("END:VCALENDAR", "");
  return lines.join("\r\n");
}

const staff = [
  "UID:staff-1",
  "SUMMARY:Staff sync with the engineering managers",
  "DTSTART;TZID=Europe/Berlin:20261102T100000",
  "DTEND;TZID=Europe/Berlin:20261102T110000",
  "RRULE:FREQ=WEEKLY;COUNT=4",
];
const oneOnOne = [
  "UID:dana-1",
  "SUMMARY:1:1 Dana career growth",
  "DTSTART:20261103T150000Z",
  "DURATION:PT30M",
  "ORGANIZER:mailto:me@example.com",
  "ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.com",
  "ATTENDEE;PARTSTAT=ACCEPTED:mailto:dana@example.com",
];
const declined = [
  "UID:allhands",
  "SUMMARY:All hands",
  "DTSTART:20261104T150000Z",
  "DTEND:20261104T160000Z",
  "ATTENDEE;PARTSTAT=DECLINED:mailto:Me@Example.com",
];
const range = ["--from", "2026-11-01", "--to", "2026-12-01"];
const config = "calendar:\n  me: [me@example.com]\n  timezone: Europe/Berlin\n";

function setup() {
  const t = tempDocket("", config);
  const cal = join(t.dir, "work.ics");
  writeFileSync(cal, ics(staff, oneOnOne, declined));
  const ledger = join(t.dir, "todo.calendar.tsv");
  return { ...t, cal, ledger };
}

describe("ppppt import calendar", () => {
  it("imports a file into the ledger, classified, and says what it counted", async () => {
    const { env, cal, ledger } = setup();
    const r = await runPpppt(["import", "calendar", cal, ...range, "--json"], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        file: cal,
        source: cal,
        timed: 5,
        minutes: 270,
        allDay: 0,
        cancelled: 0,
        declined: 1,
        free: 0,
        warnings: [],
      },
    ]);
    const text = readFileSync(ledger, "utf8");
    expect(text).toContain("\tstaff-1\t2026-11-02T09:00:00Z\t2026-11-02T10:00+01:00\t");
    expect(text).toMatch(
      /\tdana-1\t\t2026-11-03T15:00Z\t2026-11-03T15:30Z\tUTC\t30\ttimed\tpeople\??\t2\t1:1 Dana/,
    );
    expect(text).toMatch(/\tallhands\t.*\tdeclined\t/);
  });

  it("changes nothing when the same file is imported twice; follows moves and deletions", async () => {
    const { env, cal, ledger } = setup();
    await runPpppt(["import", "calendar", cal, ...range], env);
    const first = readFileSync(ledger, "utf8");
    const again = await runPpppt(["import", "calendar", cal, ...range], env);
    expect(again.stdout).toContain("Nothing changed");
    expect(readFileSync(ledger, "utf8")).toBe(first);
    // The 1:1 moves to 16:00 and the staff sync is deleted at the source.
    writeFileSync(
      cal,
      ics(
        oneOnOne.map((l) => l.replace("T150000Z", "T160000Z")),
        declined,
      ),
    );
    await runPpppt(["import", "calendar", cal, ...range], env);
    const after = readFileSync(ledger, "utf8");
    expect(after).not.toContain("staff-1");
    expect(after).toContain("2026-11-03T16:00Z");
    expect(after).not.toContain("2026-11-03T15:00Z");
  });

  it("writes nothing on --dry-run", async () => {
    const { env, cal, ledger } = setup();
    const r = await runPpppt(["import", "calendar", cal, ...range, "--dry-run"], env);
    expect(r.stdout).toContain("5 meetings, 4h30m; left out: 0 all-day, 0 cancelled, 1 declined");
    expect(r.stdout).toContain("Dry run");
    expect(existsSync(ledger)).toBe(false);
  });

  it("rejects a broken file by name and line, imports the others, and exits 1", async () => {
    const { env, cal, dir, ledger } = setup();
    const broken = join(dir, "broken.ics");
    writeFileSync(broken, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\n");
    const r = await runPpppt(["import", "calendar", broken, cal, ...range, "--json"], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${broken}:3: END:VEVENT missing`);
    const summaries = JSON.parse(r.stdout);
    expect(summaries.map((s: { error?: string }) => s.error !== undefined)).toEqual([true, false]);
    expect(summaries[1].timed).toBe(5);
    expect(readFileSync(ledger, "utf8")).toContain("staff-1");
  });

  it("warns on stderr about an event it skips, naming the file and line", async () => {
    const { env, dir } = setup();
    const cal = join(dir, "odd.ics");
    writeFileSync(cal, ics(["UID:bad", "DTSTART:20261102T100000Z", "RRULE:FREQ=OFTEN"], oneOnOne));
    const r = await runPpppt(["import", "calendar", cal, ...range], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`${cal}:4: warning: event skipped`));
    expect(r.stdout).toContain("1 meetings");
  });

  it("reads a folder of .ics files (a vdir) as one source, and stdin", async () => {
    const { env, dir, ledger } = setup();
    const vdir = join(dir, "vdir");
    mkdirSync(vdir);
    writeFileSync(join(vdir, "a.ics"), ics(oneOnOne));
    writeFileSync(join(vdir, "b.ics"), ics(declined));
    writeFileSync(join(vdir, "notes.txt"), "not a calendar");
    const r = await runPpppt(["import", "calendar", vdir, ...range, "--json"], env);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ source: vdir, timed: 1, declined: 1 });
    const s = await runPpppt(["import", "calendar", "-", ...range, "--json"], env, ics(staff));
    expect(JSON.parse(s.stdout)[0]).toMatchObject({ file: "-", source: "stdin", timed: 4 });
    const sources = await runPpppt(["calendar", "sources", "--json"], env);
    expect(JSON.parse(sources.stdout).map((x: { name: string }) => x.name)).toEqual([
      vdir,
      "stdin",
    ]);
    expect(readFileSync(ledger, "utf8")).toContain("\tstdin\tstaff-1\t");
  });

  it("fetches a URL the user gives, keeping the URL in the config only (mode 0600)", async () => {
    const { env, dir, ledger } = setup();
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(req.url ?? "");
      if (req.url === "/private-s3cr3t/basic.ics") {
        res.writeHead(200, { "content-type": "text/calendar" });
        res.end(ics(staff));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const port = (server.address() as AddressInfo).port;
    try {
      const url = `http://127.0.0.1:${port}/private-s3cr3t/basic.ics`;
      const r = await runPpppt(["import", "calendar", url, ...range, "--json"], env);
      expect(r.code).toBe(0);
      const [summary] = JSON.parse(r.stdout);
      expect(summary.timed).toBe(4);
      expect(summary.source).toMatch(/^feed-127\.0\.0\.1-[0-9a-f]{8}$/);
      expect(r.stdout + r.stderr).not.toContain("s3cr3t");
      expect(readFileSync(ledger, "utf8")).not.toContain("s3cr3t");
      const configFile = join(dir, "config.yaml");
      expect(readFileSync(configFile, "utf8")).toContain(url);
      expect(readFileSync(configFile, "utf8")).toContain("me: [me@example.com]");
      expect(statSync(configFile).mode & 0o777).toBe(0o600);
      // By its name, later: fetched again from the URL in the config.
      const again = await runPpppt(["import", "calendar", summary.source, ...range], env);
      expect(again.stdout).toContain("Nothing changed");
      expect(requests).toEqual(["/private-s3cr3t/basic.ics", "/private-s3cr3t/basic.ics"]);
      const gone = await runPpppt(["import", "calendar", `http://127.0.0.1:${port}/nope`], env);
      expect(gone.code).toBe(1);
      expect(gone.stderr).toMatch(/cannot fetch feed-127\.0\.0\.1-[0-9a-f]{8}: HTTP 404/);
    } finally {
      server.close();
    }
  });

  it("refuses a bad range before reading anything", async () => {
    const { env, cal } = setup();
    const r = await runPpppt(["import", "calendar", cal, "--from", "2026-13-01"], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("--from 2026-13-01 is not a date");
    const back = await runPpppt(
      ["import", "calendar", cal, "--from", "2026-12-01", "--to", "2026-11-01"],
      env,
    );
    expect(back.stderr).toContain("is not before --to");
    const missing = await runPpppt(["import", "calendar", "/nonexistent.ics"], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no such file or folder: /nonexistent.ics");
  });
});

describe("ppppt calendar", () => {
  it("lists the week's meetings, recategorises a series for good, and forgets a source", async () => {
    const { env, cal, dir } = setup();
    await runPpppt(["import", "calendar", cal, ...range], env);
    const list = await runPpppt(
      ["calendar", "--from", "2026-11-02", "--to", "2026-11-09", "--json"],
      env,
    );
    const rows = JSON.parse(list.stdout);
    expect(rows.map((o: { series: string }) => o.series)).toEqual(["staff-1", "dana-1"]);
    expect(rows[0]).toMatchObject({
      start: "2026-11-02T10:00+01:00",
      end: "2026-11-02T11:00+01:00",
      minutes: 60,
      zone: "Europe/Berlin",
    });

    const recat = await runPpppt(
      ["calendar", "recat", "staff-1", "process", "--today", "2026-11-25"],
      env,
    );
    expect(recat.code).toBe(0);
    expect(readFileSync(join(dir, "todo.corrections.txt"), "utf8")).toBe(
      "2026-11-25 process Staff sync with the engineering managers\n",
    );
    await runPpppt(["import", "calendar", cal, ...range], env);
    const after = JSON.parse(
      (await runPpppt(["calendar", "--from", "2026-11-01", "--to", "2026-12-01", "--json"], env))
        .stdout,
    );
    expect(
      after
        .filter((o: { series: string }) => o.series === "staff-1")
        .map((o: { category: string }) => o.category),
    ).toEqual(["process", "process", "process", "process"]);
    const bad = await runPpppt(["calendar", "recat", "nope", "tech"], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("no imported event has the series id nope");

    const forget = await runPpppt(["calendar", "forget", cal], env);
    expect(forget.stdout).toContain("6 occurrences removed");
    expect((await runPpppt(["calendar", "sources"], env)).stdout).toContain("Nothing imported yet");
  });

  it("shows the meeting load", async () => {
    const { env, cal } = setup();
    await runPpppt(["import", "calendar", cal, ...range], env);
    const r = await runPpppt(
      ["calendar", "load", "--from", "2026-11-02", "--to", "2026-11-09", "--json"],
      env,
    );
    const load = JSON.parse(r.stdout);
    expect(load.weeks).toEqual([
      {
        week: "2026-11-02",
        meetingMinutes: 90,
        oneOnOneMinutes: 30,
        // Monday 11-17 (9-10 is too short), Tuesday 9-16 (the 1:1 is 16:00 in Berlin), 3 free days.
        focusMinutes: 360 + 420 + 3 * 480,
        meetings: 2,
      },
    ]);
  });
});
