import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPpppt } from "../../src/cli/fake-io.js";
import { buildDemoDocket } from "../../src/core/demo/demo-docket.js";
import { type RunningDashboard, startDashboard } from "../../src/server/start.js";
import { findWebRoot } from "../../src/server/static-files.js";
import { haveBrowser, launchChromium } from "./browser.js";

const ARTIFACTS = join(process.cwd(), "test-artifacts");
const TODAY = "2026-11-25";

describe.skipIf(!haveBrowser)("the deck view in a real browser", () => {
  let dir: string;
  let file: string;
  let dashboard: RunningDashboard;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const env = () => ({ HOME: dir, XDG_CONFIG_HOME: join(dir, "config") });

  beforeAll(async () => {
    if (!findWebRoot()) throw new Error("the page is not built: run `npm run build` first");
    dir = await mkdtemp(join(tmpdir(), "ppppt-e2e-deck-"));
    file = join(dir, "todo.txt");
    await writeFile(
      file,
      `${buildDemoDocket({ today: TODAY, seed: 1 })}x 2026-11-24 Private board prep cat:people spent:1h private:1\n`,
    );
    await mkdir(ARTIFACTS, { recursive: true });
    dashboard = await startDashboard({
      docketPath: file,
      port: 0,
      today: () => TODAY,
      categoriser: async () => () => undefined,
      env: env(),
    });
    browser = await launchChromium();
    page = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
      acceptDownloads: true,
    });
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    await page.goto(dashboard.url);
    await page.getByRole("link", { name: "Deck", exact: true }).click();
    await page.getByRole("heading", { name: "Deck" }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

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
