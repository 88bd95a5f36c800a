import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPpppt } from "../../src/cli/fake-io.js";
import { buildDemoDocket } from "../../src/core/demo/demo-docket.js";
import { haveBrowser, navigatedTo } from "./browser.js";
import { ARTIFACTS, type DashboardSession, startDashboardSession } from "./dashboard-session.js";

const TODAY = "2026-11-25";

describe.skipIf(!haveBrowser)("the deck view in a real browser", () => {
  let session: DashboardSession;
  let dir: string;
  let file: string;
  let page: Page;
  let consoleErrors: string[] = [];
  // The server's own environment, for the CLI runs that must see what it sees.
  const env = () => ({ HOME: dir, XDG_CONFIG_HOME: join(dir, "config") });

  beforeAll(async () => {
    session = await startDashboardSession({
      today: TODAY,
      docket: `${buildDemoDocket({ today: TODAY, seed: 1 })}x 2026-11-24 Private board prep cat:people spent:1h private:1\n`,
    });
    ({ dir, file } = session);
    ({ page, consoleErrors } = await session.openPage({
      viewport: { width: 1440, height: 1000 },
      acceptDownloads: true,
      ready: navigatedTo("Deck", { name: "Deck" }),
    }));
  }, 60_000);

  afterAll(() => session?.close());

  it("shows the outline `ppppt deck --json` gives, with notes, and no private item", async () => {
    await page.locator("[data-slide]").first().waitFor();
    const titles = await page.locator("[data-slide] > h3").allTextContents();
    const cli = JSON.parse(
      (await runPpppt(["deck", "--json"], { ...env(), PPPPT_FILE: file, PPPPT_TODAY: TODAY }))
        .stdout,
    );
    expect(titles).toEqual(cli.slides.map((s: { title: string }) => s.title));
    expect(await page.locator("[data-slide] details").count()).toBe(titles.length);
    expect(await page.locator(".deck-outline").textContent()).not.toContain("Private board prep");
    await page.screenshot({ path: join(ARTIFACTS, "deck-view.png"), fullPage: false });
  });

  it("downloads the .pptx for the chosen period", async () => {
    await page.getByLabel("Period").selectOption("month");
    await page.locator('[data-slide="title"] h3', { hasText: "Monthly status 2026-11" }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download .pptx" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`status-${TODAY}.pptx`);
    const saved = join(dir, "downloaded.pptx");
    await download.saveAs(saved);
    const slide = execFileSync("unzip", ["-p", saved, "ppt/slides/slide1.xml"], {
      encoding: "utf8",
    });
    expect(slide).toContain("Monthly status 2026-11");
    expect(consoleErrors).toEqual([]);
  });
});
