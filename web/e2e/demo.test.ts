import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haveBrowser, launchChromium } from "./browser.js";

/**
 * The README's main command, as a user runs it: the built `ppppt serve --demo` in its own
 * process, then every view of the demo in the browser, each saved as a screenshot.
 */
const ROOT = join(import.meta.dirname, "..", "..");
const ARTIFACTS = join(ROOT, "test-artifacts");

describe.skipIf(!haveBrowser)("ppppt serve --demo (the built command)", () => {
  let server: ChildProcess;
  let url: string;
  let browser: Browser;
  let page: Page;
  const output: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(ROOT, "dist", "cli.cjs"))) throw new Error("run `npm run build` first");
    await mkdir(ARTIFACTS, { recursive: true });
    server = spawn(process.execPath, [join(ROOT, "bin", "ppppt.cjs"), "serve", "--demo"], {
      cwd: ROOT,
      env: { ...process.env, PPPPT_TODAY: "2026-11-25", CI: "1", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no URL printed: ${output.join("")}`)),
        20_000,
      );
      const read = (chunk: Buffer) => {
        output.push(chunk.toString());
        const m = /Dashboard: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output.join(""));
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      server.stdout?.on("data", read);
      server.stderr?.on("data", read);
      server.once("exit", (code) =>
        reject(new Error(`serve exited (${code}): ${output.join("")}`)),
      );
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
  });

  it("prints the demo docket's path and a loopback URL with a token", () => {
    expect(output.join("")).toMatch(/Demo docket: .*ppppt-demo-.*todo\.txt/);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{16,}$/);
  });

  it("opens on the board, full of the demo's items", async () => {
    await page.goto(url);
    await page.locator('[data-column="people"] .card').first().waitFor();
    for (const c of ["people", "product", "process", "public", "tech"]) {
      expect(await page.locator(`[data-column="${c}"]`).count()).toBe(1);
    }
    await page.screenshot({ path: join(ARTIFACTS, "demo-board.png") });
  });

  it("shows every view of the demo", async () => {
    for (const [name, heading] of [
      ["Balance", "Balance"],
      ["Review", "Weekly review"],
      ["Plan", "Plan and playbook"],
    ] as const) {
      await page.getByRole("link", { name, exact: true }).click();
      await page.getByRole("heading", { name: heading, exact: true }).waitFor();
      await page.locator(".panel").first().waitFor();
      await page.screenshot({ path: join(ARTIFACTS, `demo-${name.toLowerCase()}.png`) });
    }
    for (const [name, heading] of [
      ["People", "People"],
      ["Done", "Done"],
      ["Assess", "Self-assessment"],
    ] as const) {
      await page.getByRole("link", { name, exact: true }).click();
      await page.getByRole("heading", { name: heading, exact: true }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, `demo-${name.toLowerCase()}.png`) });
    }
    // The demo's people, and Dana's page before her 1:1.
    await page.getByRole("link", { name: "People", exact: true }).click();
    await page.getByRole("list", { name: "People" }).getByRole("link", { name: "dana" }).click();
    await page.getByRole("heading", { name: "with:dana" }).waitFor();
    expect(await page.getByTestId("next-one-on-one").textContent()).toMatch(/^1:1 with Dana/);
    await page.screenshot({ path: join(ARTIFACTS, "demo-person.png") });
    // The demo's done items of this week, with the time each took.
    await page.getByRole("link", { name: "Done", exact: true }).click();
    await page.locator(".history-group li").first().waitFor();
    expect(await page.getByText("judged as Director").count()).toBe(0);
    await page.getByRole("link", { name: "Balance", exact: true }).click();
    await page.getByText("judged as Director").waitFor();
  });
});
