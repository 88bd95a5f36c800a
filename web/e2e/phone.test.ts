import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haveBrowser } from "./browser.js";
import { ARTIFACTS, type DashboardSession, startDashboardSession } from "./dashboard-session.js";
import { fixtureDocketText } from "./fixture-docket.js";

const TODAY = "2026-11-25";
const VIEW_LINKS = [
  "Board",
  "Balance",
  "Review",
  "Plan",
  "ROI",
  "Time",
  "Team",
  "Deck",
  "People",
  "Done",
  "Assess",
];

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** The part of `a` inside `b` (empty when they do not meet). */
const clip = (a: Box, b: Box): Box => {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y),
  };
};

/** The page at a phone's width (390 px), and where a long item's toast goes at 1440 and 390. */
describe.skipIf(!haveBrowser)("the dashboard on a phone, and toasts beside the board", () => {
  let session: DashboardSession;

  beforeAll(async () => {
    session = await startDashboardSession({ today: TODAY, docket: fixtureDocketText(TODAY) });
  }, 60_000);

  afterAll(() => session?.close());

  const open = async (width: number, height: number): Promise<Page> => {
    const { page } = await session.openPage({
      viewport: { width, height },
      ready: (p) => p.locator("article[data-id]").first().waitFor(),
    });
    return page;
  };
  const horizontalOverflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  it("at 390 px every view is one tap away in the nav, and none scrolls sideways", async () => {
    const page = await open(390, 844);
    const nav = page.getByRole("navigation", { name: "Views" });
    for (const label of VIEW_LINKS) {
      const link = nav.getByRole("link", { name: label, exact: true });
      await link.click();
      await expect.poll(() => link.getAttribute("aria-current")).toBe("page");
      const box = await link.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390, `${label} is on screen`).toBe(true);
      await page.locator("main section").first().waitFor();
      expect(await horizontalOverflow(page), `${label} scrolls sideways`).toBeLessThanOrEqual(0);
    }
    await page.close();
  });

  it("at 390 px the board is one column, quick add adds, and nothing scrolls sideways", async () => {
    const page = await open(390, 844);
    const columns = await page.locator(".column").evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { left: Math.round(r.left), right: Math.round(r.right), top: Math.round(r.top) };
      }),
    );
    expect(columns.length).toBe(5);
    // One column: every category box starts at the same left edge, each below the one before.
    expect(new Set(columns.map((c) => c.left)).size).toBe(1);
    for (let i = 1; i < columns.length; i++)
      expect(columns[i]?.top).toBeGreaterThan(columns[i - 1]?.top ?? 0);
    expect(Math.max(...columns.map((c) => c.right))).toBeLessThanOrEqual(390);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(
      await page.locator(".board").evaluate((el) => el.scrollWidth - el.clientWidth),
    ).toBeLessThanOrEqual(0);

    const add = page.getByLabel("Add an item");
    await add.fill("Phone check: write the offsite agenda cat:process");
    await add.press("Enter");
    await page
      .locator("article[data-id]")
      .filter({ hasText: "Phone check: write the offsite agenda" })
      .waitFor();
    // The last column is reachable by scrolling down, not sideways.
    await page.locator(".col-tech").scrollIntoViewIfNeeded();
    expect(await page.locator(".col-tech article[data-id]").first().isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, "board-390.png") });
    await page.close();
  });

  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    it(`a long item's toast covers no card and not the add box at ${width} px`, async () => {
      const page = await open(width, height);
      const long = `Toast check ${"with a very long title that goes on and on ".repeat(8)}cat:people`;
      const add = page.getByLabel("Add an item");
      await add.fill(long);
      await add.press("Enter");
      const toast = page.locator(".notice");
      await toast.waitFor();
      const toastBox = (await toast.boundingBox()) as Box;
      // Clamped: at most the window's width and a few lines high.
      expect(toastBox.width).toBeLessThanOrEqual(width);
      expect(toastBox.height).toBeLessThan(100);
      const covered: Box[] = [];
      const addBox = (await add.boundingBox()) as Box;
      if (overlap(toastBox, addBox)) covered.push(addBox);
      // The first cards of every column, as far as they are in sight: at 390 px `main` scrolls,
      // so a card below its fold is hidden by it, not by the toast.
      const main = (await page.locator("main").boundingBox()) as Box;
      for (const card of await page.locator(".column").evaluateAll((cols) =>
        cols
          .flatMap((c) => [...c.querySelectorAll("article[data-id]")].slice(0, 3))
          .map((a) => {
            const r = a.getBoundingClientRect();
            return { x: r.x, y: r.y, width: r.width, height: r.height };
          }),
      )) {
        if (overlap(toastBox, clip(card, main))) covered.push(card);
      }
      expect(covered).toEqual([]);
      expect(overlap(toastBox, main)).toBe(false);
      await page.screenshot({ path: join(ARTIFACTS, `toast-${width}.png`) });
      await page.close();
    });
  }
});
