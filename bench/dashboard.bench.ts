/**
 * How the dashboard feels with a big docket: time to the first board render with 10,000 open
 * items, time for an added item to appear, time to scroll a long column to its end, all in
 * headless Debian chromium against the real server. Each figure is also given as a ratio to a
 * floor measured in the same run and the same browser: loading a trivial static page from a
 * loopback server. Targets: first render under 1.5 s, an add under 750 ms (the store re-reads and fsyncs the
 * whole 10,000-item file on every write).
 *   npx tsx bench/dashboard.bench.ts
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { loadCategoriserFor } from "../src/cli/categoriser.js";
import { CATEGORIES } from "../src/core/category.js";
import { startDashboard } from "../src/server/start.js";
import { findWebRoot } from "../src/server/static-files.js";
import { CHROMIUM_PATH, haveBrowser, launchChromium } from "../web/e2e/browser.js";

const ITEMS = 10_000;
const RUNS = 5;
const TODAY = "2026-11-25";
const TARGET_FIRST_RENDER_MS = 1500;
const TARGET_ADD_MS = 750;

/** A seeded docket: the same 10,000 items on every run, spread over the five categories. */
function bigDocket(count: number): string {
  let seed = 42;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const words = ["review", "plan", "write", "call", "fix", "draft", "sync", "read", "coach"];
  const things = ["the RFC", "the roadmap", "a 1:1", "the talk", "the flaky test", "the policy"];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const cat = CATEGORIES[Math.floor(rand() * CATEGORIES.length)];
    const verb = words[Math.floor(rand() * words.length)];
    const thing = things[Math.floor(rand() * things.length)];
    const pri = rand() < 0.1 ? "(B) " : "";
    const due =
      rand() < 0.3 ? ` due:2026-12-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}` : "";
    lines.push(
      `${pri}2026-11-01 ${verb} ${thing} number ${i}${due} cat:${cat} id:b${i.toString(36)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function main(): Promise<void> {
  if (!haveBrowser) {
    process.stdout.write(
      `no chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium)\n`,
    );
    return;
  }
  if (!findWebRoot()) throw new Error("the page is not built: run `npm run build` first");
  const dir = await mkdtemp(join(tmpdir(), "ppppt-bench-dash-"));
  const file = join(dir, "todo.txt");
  await writeFile(file, bigDocket(ITEMS));
  const dashboard = await startDashboard({
    docketPath: file,
    port: 0,
    today: () => TODAY,
    env: { HOME: dir, XDG_CONFIG_HOME: join(dir, "config") },
    categoriser: () => loadCategoriserFor(file),
  });
  const floorServer = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end("<!doctype html><title>floor</title><p>hello</p>");
  });
  await new Promise<void>((resolve) => floorServer.listen(0, "127.0.0.1", resolve));
  const floorUrl = `http://127.0.0.1:${(floorServer.address() as AddressInfo).port}/`;
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const floor: number[] = [];
    const firstRender: number[] = [];
    const add: number[] = [];
    const scroll: number[] = [];
    for (let run = 0; run < RUNS + 1; run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      let t = performance.now();
      await page.goto(floorUrl);
      await page.locator("p").waitFor();
      const floorMs = performance.now() - t;

      t = performance.now();
      await page.goto(dashboard.url);
      await page.locator('[data-column="tech"] .card').first().waitFor();
      const firstMs = performance.now() - t;

      const input = page.getByLabel("Add an item");
      await input.fill(`Benchmark item ${run} for the team`);
      t = performance.now();
      await input.press("Enter");
      await page
        .locator(".card .title", { hasText: `Benchmark item ${run} for the team` })
        .waitFor();
      const addMs = performance.now() - t;

      const list = page.locator('[data-column="people"] .vlist');
      t = performance.now();
      await list.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      await page.locator('[data-column="people"] .vrow').last().waitFor();
      await page.waitForFunction(() => {
        const rows = document.querySelectorAll('[data-column="people"] .vrow');
        const last = rows[rows.length - 1];
        return last?.getAttribute("aria-posinset") === last?.getAttribute("aria-setsize");
      });
      const scrollMs = performance.now() - t;
      await context.close();
      // The first run warms the browser and the server's code; it is not counted.
      if (run === 0) continue;
      floor.push(floorMs);
      firstRender.push(firstMs);
      add.push(addMs);
      scroll.push(scrollMs);
    }
    const f = median(floor);
    const rows: Array<[string, number]> = [
      [`first board render, ${ITEMS.toLocaleString("en")} items`, median(firstRender)],
      ["an add, Enter to card shown", median(add)],
      ["scroll a 2,000-card column to its end", median(scroll)],
    ];
    process.stdout.write(
      `dashboard in headless chromium — ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, node ${process.version}\n`,
    );
    process.stdout.write(
      `floor: a trivial static page from a loopback server, median ${f.toFixed(1)} ms\n`,
    );
    for (const [what, ms] of rows) {
      process.stdout.write(
        `${what.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms  ${(ms / f).toFixed(1).padStart(6)} × floor\n`,
      );
    }
    const first = median(firstRender);
    const a = median(add);
    process.stdout.write(
      `target first render < ${TARGET_FIRST_RENDER_MS} ms: ${first < TARGET_FIRST_RENDER_MS ? "met" : "NOT met"}; ` +
        `target add < ${TARGET_ADD_MS} ms: ${a < TARGET_ADD_MS ? "met" : "NOT met"} (medians of ${RUNS} runs)\n`,
    );
  } finally {
    await browser?.close();
    await dashboard.close();
    floorServer.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
