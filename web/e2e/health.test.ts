import { existsSync } from "node:fs";
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPpppt } from "../../src/cli/fake-io.js";
import { haveBrowser } from "./browser.js";
import { ARTIFACTS, type DashboardSession, startDashboardSession } from "./dashboard-session.js";

const NOW = new Date("2026-11-29T12:00:00Z");
const ISSUES = join(import.meta.dirname, "../../../shared/fixtures/issues");
const JUNIT = join(import.meta.dirname, "../../../shared/fixtures/junit");

/** 30 CI runs over the last 15 days; in the newest, test b fails and then passes on a retry. */
async function writeRuns(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < 30; i++) {
    const retry = i === 29 ? '<testcase name="b"><failure/></testcase>' : "";
    const file = join(dir, `run-${i}.xml`);
    await writeFile(
      file,
      `<testsuite name="cart" timestamp="${new Date(NOW.getTime() - (30 - i) * 12 * 3600e3).toISOString()}"><testcase name="a" time="${i}"/>${retry}<testcase name="b"/></testsuite>`,
    );
    files.push(file);
  }
  return files;
}

/** Bugs closed in the last weeks: 18 P1 within 30 days, 4 late; one open P2. */
function bugExport(): string {
  const at = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
  const issue = (n: number, opened: number, closed: number | null, labels: string[]) => ({
    number: n,
    title: `bug ${n}`,
    html_url: `https://github.com/acme/app/issues/${n}`,
    state: closed === null ? "open" : "closed",
    created_at: at(opened),
    closed_at: closed === null ? null : at(closed),
    labels: labels.map((name) => ({ name })),
  });
  return JSON.stringify([
    ...Array.from({ length: 18 }, (_, i) => issue(i + 1, i + 4, i + 1, ["bug", "P1"])),
    ...Array.from({ length: 4 }, (_, i) => issue(40 + i, 50, 2 + i, ["bug", "P1"])),
    issue(60, 75, null, ["bug", "priority: high"]),
    issue(61, 200, null, ["tech-debt"]),
  ]);
}

describe.skipIf(!haveBrowser || !existsSync(ISSUES))("the Health view in a real browser", () => {
  let session: DashboardSession;
  let page: Page;
  let consoleErrors: string[] = [];

  beforeAll(async () => {
    session = await startDashboardSession({
      today: "2026-11-29",
      docket: "",
      files: { "bugs.json": bugExport() },
      prepare: async ({ dir, file }) => {
        const env = { PPPPT_FILE: file, PPPPT_CONFIG: join(dir, "config.yaml") };
        const runs = await writeRuns(dir);
        const ci = await runPpppt(["health", "ingest", ...runs, join(JUNIT, "*.xml")], env);
        // The junit fixtures hold three malformed reports: rejected, the others ingested.
        expect(ci.stderr).toContain("3 of");
        const exports = (await readdir(ISSUES))
          .filter((f) => /\.(json|csv)$/.test(f))
          .map((f) => join(ISSUES, f));
        const issues = await runPpppt(
          ["health", "ingest-issues", join(dir, "bugs.json"), ...exports],
          env,
        );
        expect(issues.code, issues.stderr).toBe(0);
      },
      options: ({ dir }) => ({
        now: () => NOW,
        env: { HOME: dir, PPPPT_CONFIG: join(dir, "config.yaml") },
      }),
    });
    ({ page, consoleErrors } = await session.openPage({
      viewport: { width: 1440, height: 1200 },
      ready: (p) => p.getByRole("link", { name: "Board", exact: true }).waitFor(),
    }));
  }, 90_000);

  afterAll(() => session?.close());

  it("is reached with g then h and draws each SLO's budget and burn", async () => {
    await page.keyboard.press("g");
    await page.keyboard.press("h");
    await page.getByRole("heading", { name: "Engineering health" }).waitFor();
    const slos = page.locator(".health-slo");
    await slos.first().waitFor();
    expect(await slos.evaluateAll((ps) => ps.map((p) => p.getAttribute("data-slo")))).toEqual([
      "ci-flaky-free",
      "bugs-resolved-in-time",
      "tech-debt-fresh",
    ]);
    // 22 bugs resolved in 28 days, 4 late: 81.8% against 90%, the budget spent.
    const bugs = page.locator('.health-slo[data-slo="bugs-resolved-in-time"]');
    expect(await bugs.getAttribute("data-status")).toBe("breached");
    expect(await bugs.textContent()).toContain("18 of 22");
    const budget = bugs.getByRole("img", { name: /error budget left over the last 28 days/ });
    expect(await budget.getAttribute("aria-label")).toMatch(/now -81\.8%$/);
    expect(await budget.locator("polyline").count()).toBe(1);
    const burn = bugs.getByRole("img", { name: /burn rate/ });
    expect(await burn.locator("rect").count()).toBe(2);
    // One flaky run of 30 in the CI window: 96.7% against 99%.
    const ci = page.locator('.health-slo[data-slo="ci-flaky-free"]');
    expect(await ci.textContent()).toContain("29 of 30");
  });

  it("lists the flaky tests and the bug age by priority", async () => {
    const flaky = page.locator(".health-flaky tbody tr");
    expect(await flaky.count()).toBeGreaterThan(1);
    const cart = page.locator('.health-flaky tr[data-test="cart › b"]');
    expect(await cart.textContent()).toContain("failed, then passed on a retry");
    const p1 = page.locator('.health-bugs tr[data-priority="P1"] td');
    expect(await p1.allTextContents()).toEqual(["30 d", "0", "–", "–", "0", "18 of 22"]);
    const high = page.locator('.health-bugs tr[data-priority="priority: high"] td');
    expect(await high.allTextContents()).toEqual(["60 d", "1", "75 d", "75 d", "1", "0 of 0"]);
    const debt = page.getByRole("img", { name: /Open tech-debt items by week/ });
    expect(await debt.locator("rect").count()).toBe(12);
    await page.screenshot({ path: join(ARTIFACTS, "health-view.png"), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });
});
