import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPpppt } from "../../src/cli/fake-io.js";
import { haveBrowser, navigatedTo } from "./browser.js";
import { ARTIFACTS, type DashboardSession, startDashboardSession } from "./dashboard-session.js";

const TODAY = "2026-11-25";

function calendar(): string {
  const event = (uid: string, summary: string, start: string, minutes: number, rule = "") => [
    "BEGIN:VEVENT",
    `UID:${uid}`,
    `SUMMARY:${summary}`,
    `DTSTART;TZID=Europe/Berlin:${start}`,
    `DURATION:PT${minutes}M`,
    ...(rule ? [rule] : []),
    "END:VEVENT",
  ];
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    ...event("staff", "Staff sync", "20261005T100000", 90, "RRULE:FREQ=WEEKLY"),
    ...event("dana", "1:1 Dana career growth", "20261006T140000", 30, "RRULE:FREQ=WEEKLY"),
    ...event("review", "Architecture review of the payments service", "20261125T090000", 60),
    "END:VCALENDAR",
    "",
  ].join("\r\n");
}

describe.skipIf(!haveBrowser)("the Time view in a real browser", () => {
  let session: DashboardSession;
  let page: Page;
  let consoleErrors: string[] = [];

  beforeAll(async () => {
    session = await startDashboardSession({
      today: TODAY,
      docket: "",
      files: { "work.ics": calendar(), "config.yaml": "calendar:\n  timezone: Europe/Berlin\n" },
      prepare: async ({ dir, file }) => {
        const env = { PPPPT_FILE: file, PPPPT_CONFIG: join(dir, "config.yaml") };
        const imported = await runPpppt(
          ["import", "calendar", join(dir, "work.ics"), "--today", TODAY],
          env,
        );
        expect(imported.code, imported.stderr).toBe(0);
        await runPpppt(["calendar", "recat", "staff", "process", "--today", TODAY], env);
      },
      options: ({ dir }) => ({ env: { HOME: dir, PPPPT_CONFIG: join(dir, "config.yaml") } }),
    });
    ({ page, consoleErrors } = await session.openPage({
      viewport: { width: 1440, height: 1000 },
      ready: navigatedTo("Time", { name: "Where the time goes" }),
    }));
  }, 60_000);

  afterAll(() => session?.close());

  it("shows the week's meetings coloured by category, the costliest series and the load", async () => {
    const week = page.locator(".time-week li");
    await week.first().waitFor();
    expect(await week.allTextContents()).toEqual([
      expect.stringContaining("11-23 10:00–11:30 Staff sync"),
      expect.stringContaining("11-24 14:00–14:30 1:1 Dana career growth"),
      expect.stringContaining("11-25 09:00–10:00 Architecture review"),
    ]);
    expect(await week.first().getAttribute("data-category")).toBe("process");
    const series = page.locator(".time-series li");
    expect(await series.first().textContent()).toBe("Staff sync: 1h30m a week, Process");
    await expect.poll(() => page.locator("canvas[role=img]").count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, "time-view.png"), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  it("shows meetings beside item effort in the balance and the review", async () => {
    await page.getByRole("link", { name: "Balance", exact: true }).click();
    const process = page.locator(".meeting-time tr[data-category=process] td").first();
    await process.waitFor();
    // The last 30 days to 25 November hold four staff syncs of 90 minutes.
    expect(await process.textContent()).toBe("6h");
    await page.screenshot({ path: join(ARTIFACTS, "balance-meetings.png"), fullPage: true });
    await page.getByRole("link", { name: "Review", exact: true }).click();
    await page.locator(".meeting-time").waitFor();
    expect(await page.locator(".meeting-time .costliest").count()).toBe(0);
  });

  it("is reached with g then t", async () => {
    await page.getByRole("link", { name: "Board", exact: true }).click();
    await page.keyboard.press("g");
    await page.keyboard.press("t");
    await page.getByRole("heading", { name: "Where the time goes" }).waitFor();
  });
});
