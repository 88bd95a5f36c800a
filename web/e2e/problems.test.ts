import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPpppt } from "../../src/cli/fake-io.js";
import { haveBrowser } from "./browser.js";
import { ARTIFACTS, type DashboardSession, startDashboardSession } from "./dashboard-session.js";
import { fixtureDocketText } from "./fixture-docket.js";

const TODAY = "2026-11-25";

/**
 * A docket with what an editor leaves behind: lines ppppt cannot read and a line copied with
 * its id. The page says so with counts and line numbers, as `ppppt list`'s footer does, and
 * the copied item stays on the board, flagged.
 */
describe.skipIf(!haveBrowser)("the dashboard warns about unreadable lines and repeated ids", () => {
  let session: DashboardSession;
  let file: string;
  let page: Page;

  beforeAll(async () => {
    const lines = fixtureDocketText(TODAY).trimEnd().split("\n");
    // Line 2 is dm01 (the promo packet); a copy of it, edited, keeps the id.
    lines.push(
      "Write the promo packet for Sam cat:people id:dm01",
      "Budget review cat:sales",
      "Offsite planning due:2026-13-45",
      "",
    );
    session = await startDashboardSession({ today: TODAY, docket: lines.join("\n") });
    ({ file } = session);
    ({ page } = await session.openPage({ viewport: { width: 1280, height: 900 } }));
  }, 60_000);

  afterAll(() => session?.close());

  it("shows how many lines could not be read, with their line numbers", async () => {
    const box = page.getByRole("status", { name: "Problems in the docket" });
    await box.waitFor();
    const unreadable = box.locator("details", { hasText: "could not be read" });
    expect(await unreadable.locator("summary").textContent()).toMatch(
      /^2 lines of the docket could not be read and are not on the board/,
    );
    await unreadable.locator("summary").click();
    const items = await unreadable.locator("li").allTextContents();
    expect(items[0]).toMatch(/^line 28: cat:sales is not a category/);
    expect(items[1]).toMatch(/^line 29: /);
    await page.screenshot({ path: join(ARTIFACTS, "problems.png") });
  });

  it("shows a repeated id with both lines, and keeps both items on the board, flagged", async () => {
    const box = page.getByRole("status", { name: "Problems in the docket" });
    const repeated = box.locator("details", { hasText: "repeats an earlier" });
    expect(await repeated.locator("summary").textContent()).toMatch(
      /^1 item repeats an earlier line's id \(on the board, flagged/,
    );
    await repeated.locator("summary").click();
    expect(await repeated.locator("li").textContent()).toBe(
      "line 27: id:dm01 is already used on line 2",
    );
    const people = page.locator('[data-column="people"]');
    await people
      .getByRole("button", { name: "Complete: Write the promo packet for Dana" })
      .waitFor();
    const copy = people.locator(".card", { hasText: "Write the promo packet for Sam" });
    await copy.waitFor();
    expect(await copy.locator(".duplicate").textContent()).toBe("same id as line 2");
  });

  it("clears the warning once `ppppt check --fix` gives the copy its own id", async () => {
    const fix = await runPpppt(["check", "--fix", "-f", file]);
    expect(fix.stdout).toMatch(/:27: id:dm01 → id:[0-9a-z]{4}/);
    expect(await readFile(file, "utf8")).not.toMatch(/Sam cat:people id:dm01/);
    const box = page.getByRole("status", { name: "Problems in the docket" });
    await expect
      .poll(() => box.locator("details", { hasText: "repeats an earlier" }).count(), {
        timeout: 10_000,
      })
      .toBe(0);
    expect(await page.locator(".card .duplicate").count()).toBe(0);
  });
});
