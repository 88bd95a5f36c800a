import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPpppt } from "../../src/cli/fake-io.js";
import type { RunningDashboard } from "../../src/server/start.js";
import { acquireLock } from "../../src/store/docket-file.js";
import { haveBrowser } from "./browser.js";
import { ARTIFACTS, type DashboardSession, startDashboardSession } from "./dashboard-session.js";
import { fixtureDocketText } from "./fixture-docket.js";

/**
 * The board answers before the server does (issue #21): changes drawn at once and taken back
 * when the server refuses, the live stream's changes applied as deltas, the first screen inside
 * the page, a long column cut to its top cards with "Show N more", priorities at a glance.
 */

const TODAY = "2026-11-25";

/** Sixty Tech items after the fixture's, and an urgent one last in the file. */
const longTech = Array.from(
  { length: 60 },
  (_, i) => `2026-11-01 Tech chore number ${i} cat:tech id:tc${String(i).padStart(2, "0")}`,
);

describe.skipIf(!haveBrowser)("the instant board in a real browser", () => {
  let dir: string;
  let file: string;
  let dashboard: RunningDashboard;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[] = [];
  const requests: string[] = [];
  let session: DashboardSession;

  beforeAll(async () => {
    session = await startDashboardSession({
      today: TODAY,
      docket: `${fixtureDocketText(TODAY)}${longTech.join("\n")}\n(A) 2026-11-01 Patch the urgent CVE cat:tech id:cve1\n`,
      // A held lock is refused after this long, not the store's fifteen seconds.
      options: () => ({ lockWaitMs: 400 }),
    });
    ({ dir, file, dashboard, browser } = session);
    ({ page, consoleErrors } = await session.openPage());
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith("/api/")) requests.push(`${r.method()} ${url.pathname}`);
    });
  }, 60_000);

  afterAll(() => session?.close());

  const column = (key: string) => page.locator(`[data-column="${key}"]`);
  const card = (title: string) => page.locator(".card", { hasText: title });
  const stored = (title: string) =>
    page.locator('.card:not([data-id^="pending-"])', { hasText: title });
  const fileText = () => readFile(file, "utf8");
  /** The Tech items' ids in `ppppt next` order, as the CLI ranks them. */
  const nextTech = async (): Promise<string[]> => {
    const run = await runPpppt(["next", "--json", "-n", "1000"], {
      PPPPT_FILE: file,
      PPPPT_TODAY: TODAY,
      HOME: dir,
      XDG_CONFIG_HOME: join(dir, "config"),
    });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      items: Array<{ kind: string; category: string; item: { id: string } }>;
    };
    return report.items
      .filter((e) => e.kind === "item" && e.category === "tech")
      .map((e) => e.item.id);
  };
  const shownIds = (root: ReturnType<Page["locator"]>, n: number) =>
    root
      .locator(".card")
      .evaluateAll((els, n) => els.slice(0, n).map((e) => e.getAttribute("data-id")), n);

  it("shows a long column's top 40 in `next` order, and more on request", async () => {
    const tech = column("tech");
    await tech.locator(".card").first().waitFor();
    // The (A) item last in the file ranks near the top, as `ppppt next` ranks it.
    const order = await nextTech();
    expect(order.indexOf("cve1")).toBeLessThan(3);
    expect(await shownIds(tech, 8)).toEqual(order.slice(0, 8));
    const rows = () => tech.locator(".vrow").first().getAttribute("aria-setsize");
    await expect.poll(rows).toBe("40");
    // The fixture's four Tech items, the sixty and the urgent one: 65, of which 40 are shown.
    expect(await tech.locator(".count").textContent()).toContain("65");
    const more = tech.getByRole("button", { name: /^Show 25 more/ });
    await more.click();
    await expect.poll(rows).toBe("65");
    expect(await tech.getByRole("button", { name: /^Show \d+ more/ }).count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, "show-more.png") });
  });

  it("shows each priority as a badge, read out as words", async () => {
    const urgent = card("Patch the urgent CVE");
    expect(await urgent.locator('.pri [aria-hidden="true"]').textContent()).toBe("(A)");
    expect(await urgent.locator(".pri").textContent()).toContain("priority A");
    expect(await urgent.getAttribute("aria-label")).toContain("priority A");
    expect(await urgent.locator(".pri.pri-a").count()).toBe(1);
  });

  it("draws an add before the server answers, then the stored card, marked as just changed", async () => {
    // A fresh page: the column is back to its top 40, and the new item ranks below them.
    await page.reload();
    await column("tech").locator(".card").first().waitFor();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const hold = async (route: Route) => {
      if (route.request().method() !== "POST") return route.fallback();
      await held;
      return route.fallback();
    };
    await page.route("**/api/items", hold);
    const title = "Tech chore added last of all cat:tech";
    const input = page.getByLabel("Add an item");
    await input.fill(title);
    await input.press("Enter");
    // On screen while the server has not even seen the request.
    await page
      .getByRole("button", { name: "Complete: Tech chore added last of all" })
      .waitFor({ timeout: 2000 });
    expect(await fileText()).not.toContain("Tech chore added last of all");
    expect(await input.inputValue()).toBe("");
    release();
    await page.unroute("**/api/items", hold);
    const card = stored("Tech chore added last of all");
    await card.waitFor({ timeout: 10_000 });
    await expect.poll(fileText).toContain("Tech chore added last of all cat:tech id:");
    // It ranks 66th of 66, below what "show more" would show, and is shown anyway, marked.
    await expect
      .poll(() => column("tech").locator(".vrow").first().getAttribute("aria-setsize"))
      .toBe("41");
    expect(await column("tech").locator(".card").count()).toBeLessThan(41);
    expect(await card.getAttribute("class")).toContain("fresh");
    expect(await card.getAttribute("aria-label")).toContain("just changed");
    await page.screenshot({ path: join(ARTIFACTS, "add-optimistic.png") });
    // The mark goes after a few seconds; the card stays.
    await expect.poll(() => card.getAttribute("class"), { timeout: 10_000 }).not.toContain("fresh");
  });

  it("takes a refused add back: the card goes, an error says why, the words come back", async () => {
    const release = await acquireLock(file, {});
    try {
      const input = page.getByLabel("Add an item");
      await input.fill("Refused while another writer holds the lock");
      await input.press("Enter");
      await card("Refused while another writer holds the lock").waitFor({ timeout: 2000 });
      await page.getByRole("alert").filter({ hasText: "locked" }).waitFor({ timeout: 10_000 });
      await card("Refused while another writer holds the lock").waitFor({ state: "detached" });
      expect(await page.getByRole("alert").textContent()).toContain(
        "Not added (Refused while another writer holds the lock)",
      );
      expect(await input.inputValue()).toBe("Refused while another writer holds the lock");
      await page.screenshot({ path: join(ARTIFACTS, "add-refused.png") });
      await input.fill("");
    } finally {
      await release();
    }
    expect(await fileText()).not.toContain("Refused while");
    await page.getByRole("button", { name: "Dismiss" }).click();
  });

  it("draws a done, a move and an edit at once, and takes each back when refused", async () => {
    const before = await fileText();
    const release = await acquireLock(file, {});
    try {
      // Done: the card leaves at once, and comes back.
      const talk = "Draft the meetup talk on incident reviews";
      await card(talk)
        .getByRole("button", { name: /^Complete/ })
        .click();
      await card(talk).waitFor({ state: "detached", timeout: 2000 });
      await page
        .getByRole("alert")
        .filter({ hasText: "Not completed" })
        .waitFor({ timeout: 10_000 });
      await card(talk).waitFor();

      // A move with a number key: in Process at once, back in Product after the refusal.
      const call = "Call with the escalated customer about exports";
      await card(call).focus();
      await page.keyboard.press("3");
      await column("process").getByText(call).waitFor({ timeout: 2000 });
      await page.getByRole("alert").filter({ hasText: "Not moved" }).waitFor({ timeout: 10_000 });
      await column("product").getByText(call).waitFor();

      // An edit: the new words at once, the old ones back.
      await card("Clean the bug backlog").focus();
      await page.keyboard.press("e");
      const box = page.getByLabel(/^Edit the text of/);
      await box.fill("Clean the whole bug backlog today");
      await box.press("Enter");
      await card("Clean the whole bug backlog today").waitFor({ timeout: 2000 });
      await page.getByRole("alert").filter({ hasText: "Not edited" }).waitFor({ timeout: 10_000 });
      await card("Clean the bug backlog older than a year").waitFor();
    } finally {
      await release();
    }
    expect(await fileText()).toBe(before);
    await page.getByRole("button", { name: "Dismiss" }).click();
  });

  it("applies a change made elsewhere as a delta, leaving the other cards' elements alone", async () => {
    const other = card("Use the product for a day as a new customer");
    await other.evaluate((el) => {
      (el as HTMLElement & { kept?: boolean }).kept = true;
    });
    requests.length = 0;
    const run = await runPpppt(
      ["edit", "dm07", "Compare our search with the three main competitors"],
      {
        PPPPT_FILE: file,
      },
    );
    expect(run.code).toBe(0);
    await card("Compare our search with the three main competitors").waitFor({ timeout: 5000 });
    expect(requests).toContain("GET /api/items/changes");
    expect(requests).not.toContain("GET /api/items");
    expect(await other.evaluate((el) => (el as HTMLElement & { kept?: boolean }).kept)).toBe(true);
  });

  it("keeps the board mounted while another view shows, and back at once", async () => {
    await column("tech")
      .locator(".vlist")
      .evaluate((el) => {
        el.scrollTop = 0;
      });
    const marked = card("Patch the urgent CVE");
    await marked.evaluate((el) => {
      (el as HTMLElement & { kept?: boolean }).kept = true;
    });
    await page.getByRole("link", { name: "Balance", exact: true }).click();
    await page.getByRole("heading", { name: "Balance", exact: true }).waitFor();
    expect(await page.getByRole("region", { name: "Board" }).count()).toBe(0);
    await page.getByRole("link", { name: "Board", exact: true }).click();
    await marked.waitFor();
    expect(await marked.evaluate((el) => (el as HTMLElement & { kept?: boolean }).kept)).toBe(true);
  });

  it("draws the first screen from the page itself, before the whole board arrives", async () => {
    const fresh = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // The whole board never comes: what shows is what the page brought.
    await fresh.route("**/api/items", (route) =>
      route.request().method() === "GET" ? new Promise(() => {}) : route.fallback(),
    );
    await fresh.goto(dashboard.url);
    const tech = fresh.locator('[data-column="tech"]');
    await tech.locator(".card").first().waitFor({ timeout: 10_000 });
    expect(await shownIds(tech, 8)).toEqual((await nextTech()).slice(0, 8));
    expect(await fresh.locator(".board-view").getAttribute("data-partial")).toBe("true");
    // The column's count is the server's, though the page holds only the top 40 yet.
    expect(await tech.locator(".count").textContent()).toContain("66");
    await fresh.close();
  });

  it("ran without a console error but the refused writes' own", () => {
    expect(consoleErrors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });
});
