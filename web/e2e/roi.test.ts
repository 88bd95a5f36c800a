import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPpppt } from "../../src/cli/fake-io.js";
import { ROI_FIXTURE, ROI_TODAY } from "../../src/core/roi/roi-fixture.js";
import { haveBrowser, navigatedTo } from "./browser.js";
import { ARTIFACTS, type DashboardSession, startDashboardSession } from "./dashboard-session.js";

describe.skipIf(!haveBrowser)("the ROI view in a real browser", () => {
  let session: DashboardSession;
  let file: string;
  let page: Page;
  let consoleErrors: string[] = [];

  beforeAll(async () => {
    session = await startDashboardSession({ today: ROI_TODAY, docket: ROI_FIXTURE });
    ({ file } = session);
    ({ page, consoleErrors } = await session.openPage({
      viewport: { width: 1440, height: 1000 },
      ready: navigatedTo("ROI", { name: "ROI check" }),
    }));
  }, 60_000);

  afterAll(() => session?.close());

  const rows = () => page.locator("tr[data-proposal]");

  it("ranks the proposals as `ppppt roi` does, with the flags and their numbers", async () => {
    await rows().first().waitFor();
    const ids = await rows().evaluateAll((trs) =>
      trs.map((tr) => tr.getAttribute("data-proposal")),
    );
    const cli = JSON.parse(
      (await runPpppt(["roi", "--json", "--today", ROI_TODAY], { PPPPT_FILE: file })).stdout,
    );
    expect(ids).toEqual(cli.proposals.map((p: { id: string }) => p.id));
    const billing = await page.locator('tr[data-proposal="bi02"]').textContent();
    expect(billing).toContain("sunk-cost");
    expect(billing).toContain("6 weeks spent ≥ 4 weeks remaining");
    const mesh = await page.locator('tr[data-proposal="me03"]').textContent();
    expect(mesh).toContain("12 weeks remaining ≥ 2 × portfolio median 4 weeks");
    expect(await page.locator('tr[data-proposal="ca01"]').textContent()).toContain("none");
    expect(await page.locator(".roi-stopped").textContent()).toContain(
      "SQS does it for $5 a month",
    );
  });

  it("draws effort against value, one point per proposal that can be placed", async () => {
    const chart = page.getByRole("img", { name: /^Effort left against value/ });
    await chart.waitFor();
    // Seven open proposals; two lack the inputs a value needs.
    expect(await chart.getAttribute("data-points")).toBe("5");
    const label = (await chart.getAttribute("aria-label")) ?? "";
    expect(label).toContain("Our own service mesh (me03): 12 weeks, value 120");
    expect(label).toContain("Cache the search results (ca01): 4 weeks, value 1600");
    // The canvas really has ink on it: flagged points are drawn in red (#b91c1c).
    const red = await chart.evaluate((canvas) => {
      const c = canvas as HTMLCanvasElement;
      const pixels = c.getContext("2d")?.getImageData(0, 0, c.width, c.height).data ?? [];
      let n = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i] === 0xb9 && pixels[i + 1] === 0x1c && pixels[i + 2] === 0x1c) n++;
      }
      return n;
    });
    expect(red).toBeGreaterThan(50);
    await page.screenshot({ path: join(ARTIFACTS, "roi.png"), fullPage: true });
  });

  it("follows a change made on the command line", async () => {
    const r = await runPpppt(["roi", "stop", "bi02", "--why", "no customer asked for Rust"], {
      PPPPT_FILE: file,
      PPPPT_TODAY: ROI_TODAY,
    });
    expect(r.code).toBe(0);
    await page.locator('tr[data-proposal="bi02"]').waitFor({ state: "detached", timeout: 10_000 });
    await page.locator(".roi-stopped", { hasText: "no customer asked for Rust" }).waitFor();
    expect(await readFile(file, "utf8")).toContain("roi-stopped:2026-11-25");
  });

  it("is reached from anywhere with g then o", async () => {
    await page.getByRole("link", { name: "Board", exact: true }).click();
    await page.locator(".column").first().waitFor();
    await page.keyboard.press("g");
    await page.keyboard.press("o");
    await page.getByRole("heading", { name: "ROI check" }).waitFor();
    expect(page.url()).toMatch(/#roi$/);
  });

  it("ran without a console error (no CSP violation)", () => {
    expect(consoleErrors).toEqual([]);
  });
});
