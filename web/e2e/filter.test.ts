import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haveBrowser } from "./browser.js";
import { ARTIFACTS, type DashboardSession, startDashboardSession } from "./dashboard-session.js";

const TODAY = "2026-11-25";
const DOCKET = [
  "(A) Review the caching RFC +platform @desk due:2026-11-27 cat:tech id:aaaa",
  "1:1 with Dana Kim due:2026-11-26 with:dana.k cat:people id:bbbb",
  "Budget numbers @waiting with:dana.m cat:people id:cccc",
  "(B) Meetup talk abstract due:2026-12-10 cat:public id:dddd",
  "",
].join("\n");

describe.skipIf(!haveBrowser)("the board's search and filter bar in a real browser", () => {
  let session: DashboardSession;
  let page: Page;
  let consoleErrors: string[] = [];

  beforeAll(async () => {
    session = await startDashboardSession({ today: TODAY, docket: DOCKET });
  }, 60_000);

  afterAll(() => session?.close());

  const firstCardDrawn = (p: Page) => p.locator("article[data-id]").first().waitFor();

  const cards = async () =>
    (
      await page
        .locator("article[data-id]")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-id")))
    ).sort();

  it("narrows the board by text, person, due range and priority, and keeps the filter in the URL", async () => {
    ({ page, consoleErrors } = await session.openPage({ ready: firstCardDrawn }));
    expect(await cards()).toEqual(["aaaa", "bbbb", "cccc", "dddd"]);
    const bar = page.getByRole("search", { name: "Search and filter" });
    // A wide screen shows every field: nothing is folded, so there is no Filters button.
    expect(await bar.getByLabel("Project").isVisible()).toBe(true);
    expect(await bar.getByRole("button", { name: /^Filters/ }).isVisible()).toBe(false);

    await bar.getByLabel("Search").fill("rfc");
    await expect.poll(cards).toEqual(["aaaa"]);
    expect(new URL(page.url()).searchParams.get("q")).toBe("rfc");
    await bar.getByRole("button", { name: "Clear filter" }).click();
    await expect.poll(cards).toEqual(["aaaa", "bbbb", "cccc", "dddd"]);

    await bar.getByLabel("Person").fill("dana");
    await expect.poll(cards).toEqual(["bbbb", "cccc"]);
    await bar.getByLabel("Person").fill("dana.m");
    await expect.poll(cards).toEqual(["cccc"]);
    await bar.getByLabel("Person").fill("");

    await bar.getByLabel("Due to").fill("2026-11-30");
    await expect.poll(cards).toEqual(["aaaa", "bbbb"]);
    await bar.getByLabel("Priority").selectOption("A");
    await expect.poll(cards).toEqual(["aaaa"]);
    await expect.poll(() => bar.getByRole("status").textContent()).toBe("1 of 4 items");

    // The filter is in the address: a reload (or a bookmark) shows the same board.
    const url = new URL(page.url());
    expect(url.searchParams.get("due-to")).toBe("2026-11-30");
    expect(url.searchParams.get("pri")).toBe("A");
    await page.reload();
    await page.locator("article[data-id]").first().waitFor();
    expect(await cards()).toEqual(["aaaa"]);
    expect(await bar.getByLabel("Priority").inputValue()).toBe("A");
    await page.screenshot({ path: join(ARTIFACTS, "filter-bar.png") });
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("opens filtered from a link with +project and @context, and fits a 390 px phone", async () => {
    const url = new URL(session.dashboard.url);
    url.searchParams.set("context", "@waiting");
    ({ page } = await session.openPage(
      { viewport: { width: 390, height: 844 }, ready: firstCardDrawn },
      url.toString(),
    ));
    expect(await cards()).toEqual(["cccc"]);
    const bar = page.getByRole("search", { name: "Search and filter" });
    // Folded on a phone: Search in sight, the rest behind a button that counts what is set.
    const fold = bar.getByRole("button", { name: "Filters (1)" });
    expect(await fold.getAttribute("aria-expanded")).toBe("false");
    expect(await bar.getByLabel("Search").isVisible()).toBe(true);
    expect(await bar.getByLabel("Context").isVisible()).toBe(false);
    const foldedHeight = ((await bar.boundingBox()) as { height: number }).height;
    expect(foldedHeight).toBeLessThan(110);
    await fold.click();
    expect(await fold.getAttribute("aria-expanded")).toBe("true");
    expect(((await bar.boundingBox()) as { height: number }).height).toBeGreaterThan(foldedHeight);
    await bar.getByLabel("Context").fill("");
    await bar.getByLabel("Project").fill("+platform");
    await expect.poll(cards).toEqual(["aaaa"]);
    // The bar wraps: none of its fields runs off the side of the screen.
    const overflow = await page
      .locator(".filter-bar input, .filter-bar select")
      .evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().right > 390).length);
    expect(overflow).toBe(0);
    await expect.poll(() => page.getByLabel("Add an item").isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, "filter-bar-390.png"), fullPage: true });
    await page.close();
  });
});
