import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPpppt, tempDocket } from "../fake-io.js";

/** The calendar in the lens reports: balance, review and next show meetings beside items. */
const TODAY = "2026-11-25";

function setup() {
  const docket = [
    "x 2026-11-24 2026-11-20 Fix the flaky deploy test cat:tech spent:2h id:t1",
    "x 2026-11-23 2026-11-20 Write the promo packet for Sam cat:people spent:1h id:p1",
    "Plan the offsite cat:people id:o1",
    "",
  ].join("\n");
  const t = tempDocket(docket, "calendar:\n  timezone: Europe/Berlin\n");
  const cal = join(t.dir, "work.ics");
  writeFileSync(
    cal,
    [
      "BEGIN:VCALENDAR",
      "BEGIN:VEVENT",
      "UID:staff",
      "SUMMARY:Staff sync",
      "DTSTART;TZID=Europe/Berlin:20261102T100000",
      "DURATION:PT90M",
      "RRULE:FREQ=WEEKLY",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ].join("\r\n"),
  );
  return { ...t, cal };
}

describe("meetings in the lens reports", () => {
  it("say nothing of meetings until a calendar is imported", async () => {
    const { env } = setup();
    const balance = JSON.parse(
      (await runPpppt(["balance", "--json", "--today", TODAY], env)).stdout,
    );
    expect(balance.meetings).toBeNull();
    const review = await runPpppt(["review", "--today", TODAY], env);
    expect(review.stdout).not.toContain("Where the time went");
  });

  it("balance: meeting hours per category beside item effort, and both against the mix", async () => {
    const { env, cal } = setup();
    await runPpppt(["import", "calendar", cal, "--today", TODAY], env);
    await runPpppt(["calendar", "recat", "staff", "process", "--today", TODAY], env);
    const r = await runPpppt(["balance", "--json", "--last", "7d", "--today", TODAY], env);
    const { meetings } = JSON.parse(r.stdout);
    // The 7 days to 25 November hold one staff sync (Monday 23rd).
    expect(meetings.hours.minutes).toMatchObject({ process: 90, people: 0, tech: 0 });
    const rows = Object.fromEntries(
      meetings.whereTimeWent.rows.map((x: { category: string; minutes: number }) => [
        x.category,
        x.minutes,
      ]),
    );
    expect(rows).toMatchObject({ tech: 120, people: 60, process: 90 });
    expect(meetings.whereTimeWent.total).toBe(270);
    const text = await runPpppt(["balance", "--last", "7d", "--today", TODAY], env);
    expect(text.stdout).toContain("Where the time went (meetings and items)");
    expect(text.stdout).toMatch(/\| Process \| 1h30m \| 0m \| 33% \|/);
  });

  it("review names the costliest series; next shows meeting hours over its window", async () => {
    const { env, cal } = setup();
    await runPpppt(["import", "calendar", cal, "--today", TODAY], env);
    await runPpppt(["calendar", "recat", "staff", "process", "--today", TODAY], env);
    const review = await runPpppt(["review", "--last", "28d", "--today", TODAY], env);
    expect(review.stdout).toContain("## Where the time went");
    expect(review.stdout).toContain("Costliest series: Staff sync: 1h30m a week, Process.");
    const json = JSON.parse((await runPpppt(["review", "--json", "--today", TODAY], env)).stdout);
    expect(json.meetings.costliest).toEqual([]);
    expect(json.meetings.hours.meetings).toBe(1);
    const next = await runPpppt(["next", "--today", TODAY], env);
    expect(next.stdout).toMatch(/Meetings over the same days, beside the items: Process 6h/);
    const nextJson = JSON.parse((await runPpppt(["next", "--json", "--today", TODAY], env)).stdout);
    expect(nextJson.meetingHours.minutes.process).toBe(360);
  });
});
