/**
 * How the dashboard feels with a big docket: time to the first board render with 10,000 open
 * items, time for an added item to appear, time to scroll a long column to its end, all in
 * headless Debian chromium against the real server. Each figure is a ratio to a floor measured
 * just before it in the same browser: loading a trivial static page from a loopback server.
 * Targets: the first render within 8× the floor, an add within 4× (the store re-reads, writes
 * and fsyncs the whole 10,000-item file on every write; the page then reloads the board).
 *   npm run bench -- dashboard     (or: npx tsx bench/dashboard.bench.ts)
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { loadCategoriserFor } from "../src/cli/categoriser.js";
import { CATEGORIES } from "../src/core/category.js";
import { startDashboard } from "../src/server/start.js";
import { findWebRoot } from "../src/server/static-files.js";
import { CHROMIUM_PATH, haveBrowser, launchChromium } from "../web/e2e/browser.js";
import { fmt, machine, median, printTable, verdict } from "./measure.js";

const ITEMS = 10_000;
const RUNS = 5;
const TODAY = "2026-11-25";
const TARGET_FIRST_RENDER_RATIO = 8;
const TARGET_ADD_RATIO = 4;

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
    const ratio = (times: number[]) => median(times.map((t, i) => t / (floor[i] as number)));
    process.stdout.write(`dashboard in headless chromium — ${machine()}\n`);
    process.stdout.write(
      `floor: a trivial static page from a loopback server, loaded in the same browser before each run\n`,
    );
    const measured: Array<[string, number[]]> = [
      [`first board render, ${fmt.count(ITEMS)} items`, firstRender],
      ["an add, Enter to the card on screen", add],
      ["scroll a 2,000-card column to its end", scroll],
    ];
    printTable([
      ["", "median", "floor", "ratio"],
      ...measured.map(([what, times]) => [
        what,
        fmt.ms(median(times)),
        fmt.ms(median(floor)),
        fmt.ratio(ratio(times)),
      ]),
    ]);
    verdict(
      `first render of ${fmt.count(ITEMS)} items within ${TARGET_FIRST_RENDER_RATIO}× the floor`,
      ratio(firstRender) <= TARGET_FIRST_RENDER_RATIO,
      `${fmt.ratio(ratio(firstRender))}, median of ${RUNS} runs`,
    );
    verdict(
      `an add within ${TARGET_ADD_RATIO}× the floor`,
      ratio(add) <= TARGET_ADD_RATIO,
      `${fmt.ratio(ratio(add))}, median of ${RUNS} runs`,
    );
  } finally {
    await browser?.close();
    await dashboard.close();
    floorServer.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
