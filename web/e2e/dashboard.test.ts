import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCategoriserFor } from "../../src/cli/categoriser.js";
import { runPpppt } from "../../src/cli/fake-io.js";
import type { RunningDashboard } from "../../src/server/start.js";
import { appendCorrection, correctionsPath } from "../../src/store/corrections-file.js";
import { CHROMIUM_PATH, haveBrowser, unnamedControls } from "./browser.js";
import { ARTIFACTS, type DashboardSession, startDashboardSession } from "./dashboard-session.js";
import { fixtureDocketText } from "./fixture-docket.js";

const TODAY = "2026-11-25";

if (!haveBrowser) {
  console.warn(
    `Skipping the dashboard's browser tests: no chromium at ${CHROMIUM_PATH}. ` +
      "Install it with `apt-get install chromium` (CI always runs them).",
  );
}

describe.skipIf(!haveBrowser)("the dashboard in a real browser", () => {
  let dir: string;
  let file: string;
  let dashboard: RunningDashboard;
  let browser: Browser;
  let page: Page;
  let origin: string;
  const dialogs: string[] = [];
  let consoleErrors: string[] = [];
  let session: DashboardSession;

  beforeAll(async () => {
    session = await startDashboardSession({
      today: TODAY,
      docket: fixtureDocketText(TODAY),
      options: ({ file: docket }) => ({
        categoriser: () => loadCategoriserFor(docket),
        learn: (text, category) => appendCorrection(docket, { date: TODAY, category, text }),
      }),
    });
    ({ dir, file, dashboard, browser } = session);
    origin = `http://127.0.0.1:${dashboard.port}`;
    ({ page, consoleErrors } = await session.openPage());
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, 60_000);

  afterAll(() => session?.close());

  const column = (key: string) => page.locator(`[data-column="${key}"]`);
  const card = (title: string) => page.locator(".card", { hasText: title });

  it("shows the board: five columns of open items, and takes the token out of the URL", async () => {
    await expect.poll(() => page.locator(".column").count()).toBe(5);
    expect(await column("people").locator(".card").count()).toBeGreaterThan(0);
    expect(page.url()).not.toContain("token=");
    await page.screenshot({ path: join(ARTIFACTS, "board.png") });
  });

  it("adds an item, predicting its category while typing", async () => {
    const input = page.getByLabel("Add an item");
    await input.click();
    await input.pressSequentially("Prepare the promotion packet for Lee friday", { delay: 5 });
    await expect
      .poll(() => page.getByTestId("prediction").textContent(), { timeout: 5000 })
      .toContain("People");
    await page.screenshot({ path: join(ARTIFACTS, "quick-add.png") });
    await input.press("Enter");
    await card("Prepare the promotion packet for Lee").waitFor({ timeout: 5000 });
    expect(await column("people").getByText("Prepare the promotion packet for Lee").count()).toBe(
      1,
    );
    // The card shows before the server has written it (optimistic): wait for the write, and
    // for the stored card to take the provisional one's place.
    await page
      .locator('.card:not([data-id^="pending-"])', { hasText: "Prepare the promotion packet" })
      .waitFor();
    await expect
      .poll(() => readFile(file, "utf8"))
      .toMatch(/Prepare the promotion packet for Lee due:2026-11-27 cat:people\?? id:/);
  });

  it("recategorises an item dragged to another column with the pointer, and learns", async () => {
    const source = card("Prepare the promotion packet for Lee");
    const target = column("tech");
    const from = await source.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error("no layout");
    await page.mouse.move(from.x + from.width / 2, from.y + 20);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 30, from.y + 40, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 8 });
    await page.screenshot({ path: join(ARTIFACTS, "drag.png") });
    await page.mouse.up();
    await column("tech")
      .getByText("Prepare the promotion packet for Lee")
      .waitFor({ timeout: 5000 });
    await expect
      .poll(() => readFile(file, "utf8"))
      .toMatch(/Prepare the promotion packet for Lee .*cat:tech /);
    // The move is a correction, as `ppppt recat` records it: the classifier learns the words.
    const corrections = () => readFile(correctionsPath(file), "utf8").catch(() => "");
    await expect.poll(corrections).toContain("Prepare the promotion packet for Lee");
    expect(await corrections()).toContain("tech");
  });

  it("completes an item from its check button", async () => {
    await card("Prepare the promotion packet for Lee")
      .getByRole("button", { name: /^Complete/ })
      .click();
    await card("Prepare the promotion packet for Lee").waitFor({
      state: "detached",
      timeout: 3000,
    });
    await expect
      .poll(() => readFile(file, "utf8"))
      .toMatch(/\nx 2026-11-25 2026-11-25 Prepare the promotion packet for Lee/);
  });

  it("shows a change made by the CLI within a second", async () => {
    const run = await runPpppt(["edit", "dm15", "Read the Postgres scaling limits report"], {
      PPPPT_FILE: file,
    });
    expect(run.code).toBe(0);
    const started = Date.now();
    await card("Read the Postgres scaling limits report").waitFor({ timeout: 1000 });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("shows a change made in a text editor (a whole-file rewrite) within a second", async () => {
    const text = await readFile(file, "utf8");
    await writeFile(`${file}.tmp`, `${text}Written by hand in an editor cat:process\n`);
    const { rename } = await import("node:fs/promises");
    await rename(`${file}.tmp`, file);
    await column("process").getByText("Written by hand in an editor").waitFor({ timeout: 1000 });
  });

  it("edits, deletes and undoes with the keyboard", async () => {
    const target = card("Written by hand in an editor");
    await target.focus();
    await page.keyboard.press("e");
    const box = page.getByLabel(/^Edit the text of/);
    await box.fill("Written by hand, then edited in the page");
    await box.press("Enter");
    await card("Written by hand, then edited in the page").waitFor({ timeout: 5000 });
    await expect
      .poll(() => readFile(file, "utf8"))
      .toContain("Written by hand, then edited in the page");

    await card("Written by hand, then edited in the page").focus();
    await page.keyboard.press("Delete");
    await card("Written by hand, then edited in the page").waitFor({ state: "detached" });
    await expect.poll(() => readFile(file, "utf8")).not.toContain("then edited in the page");
    // Undo is offered once the server has answered.
    await page.getByRole("button", { name: "Undo (u)" }).waitFor();
    await page.keyboard.press("u");
    await card("Written by hand, then edited in the page").waitFor({ timeout: 5000 });
  });

  it("moves the focused card to another category with a number key", async () => {
    await card("Clean the bug backlog").focus();
    await page.keyboard.press("5");
    await column("tech").getByText("Clean the bug backlog").waitFor({ timeout: 5000 });
    await expect.poll(() => readFile(file, "utf8")).toMatch(/Clean the bug backlog .*cat:tech/);
  });

  it("renders item text as text, never as markup", async () => {
    const run = await runPpppt(["add", "--cat", "public", "<img src=x onerror=alert(1)> talk"], {
      PPPPT_FILE: file,
    });
    expect(run.code).toBe(0);
    const shown = column("public").getByText("<img src=x onerror=alert(1)> talk");
    await shown.waitFor({ timeout: 2000 });
    expect(await page.locator(".board img").count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "xss-as-text.png") });
  });

  it("lists every shortcut in the ? overlay", async () => {
    await page.locator("body").click({ position: { x: 5, y: 880 } });
    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("complete the card");
    await page.screenshot({ path: join(ARTIFACTS, "help.png") });
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
  });

  it("shows the balance: the mix against the target and the trend, drawn on canvas", async () => {
    await page.locator("body").click({ position: { x: 5, y: 880 } });
    await page.keyboard.press("g");
    await page.keyboard.press("m");
    await page.getByRole("heading", { name: "Balance" }).waitFor();
    await page.getByRole("img", { name: /^Mix against the target/ }).waitFor();
    expect(await page.locator("canvas").count()).toBe(2);
    expect(await page.getByRole("table").textContent()).toContain("People");
    await page.screenshot({ path: join(ARTIFACTS, "balance.png"), fullPage: true });
  });

  it("covers the last 30 days by default, says so, and shows the figures `ppppt balance` prints", async () => {
    const picker = page.getByRole("combobox", { name: "Period" });
    expect(await picker.inputValue()).toBe("30d");
    expect(await picker.locator("option:checked").textContent()).toBe("Last 30 days");
    const used = page.locator(".period-used");
    await expect.poll(() => used.textContent()).toMatch(/^last 30 days: 2026-10-27 to 2026-11-25/);
    const cli = await runPpppt(["balance", "--json", "--today", TODAY], {
      PPPPT_FILE: file,
      HOME: dir,
      XDG_CONFIG_HOME: join(dir, "config"),
    });
    const report = JSON.parse(cli.stdout);
    const shares = await page.locator("table tbody tr td:nth-child(4)").allTextContents();
    const drifts = await page.locator("table tbody tr td:nth-child(6)").allTextContents();
    expect(shares).toEqual(
      report.balance.categories.map((r: { sharePct: number }) => `${r.sharePct}%`),
    );
    expect(drifts).toEqual(
      report.balance.categories.map((r: { driftPts: number }) =>
        r.driftPts > 0 ? `+${r.driftPts}` : `${r.driftPts}`,
      ),
    );
    expect(await page.locator(".judgement").textContent()).toBe(report.balance.judgement);
    // The calendar periods stay one click away, and the label follows the choice.
    await picker.selectOption("month");
    await expect.poll(() => used.textContent()).toMatch(/^2026-11: 2026-11-01 to 2026-11-25/);
    await picker.selectOption("7d");
    await expect.poll(() => used.textContent()).toMatch(/^last 7 days: 2026-11-19 to/);
    await picker.selectOption("30d");
  });

  it("shows the weekly review", async () => {
    await page.getByRole("link", { name: "Review" }).click();
    await page.getByRole("heading", { name: "Weekly review" }).waitFor();
    await page.getByRole("heading", { name: /^Done this week/ }).waitFor();
    expect(await page.locator(".view-head .muted").textContent()).toBe(
      "last 7 days, 2026-11-19 to 2026-11-25",
    );
    await page.screenshot({ path: join(ARTIFACTS, "review.png"), fullPage: true });
  });

  it("shows the plan and playbook, and taking a practice up adds its items", async () => {
    await page.getByRole("link", { name: "Plan" }).click();
    await page.getByRole("heading", { name: "Proposed practices" }).waitFor();
    await page.getByRole("heading", { name: /^Playbook/ }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "plan.png"), fullPage: true });
    const before = await readFile(file, "utf8");
    await page
      .getByRole("button", { name: /^Take up/ })
      .first()
      .click();
    await expect
      .poll(async () => (await readFile(file, "utf8")).length, { timeout: 10_000 })
      .toBeGreaterThan(before.length);
    expect(await readFile(file, "utf8")).toMatch(/practice:[a-z0-9-]+/);
    await page.getByRole("heading", { name: /^Under way \([1-9]/ }).waitFor();
    await page.getByRole("link", { name: "Board" }).click();
    await page.locator(".column").first().waitFor();
  });

  it("labels every control, so a screen reader can name it", async () => {
    for (const view of ["Board", "Balance", "Plan"]) {
      await page.getByRole("link", { name: view, exact: true }).click();
      await page.locator("main section").first().waitFor();
      const unnamed = await unnamedControls(page.locator("body"));
      expect(unnamed).toEqual([]);
    }
    await page.getByRole("link", { name: "Board", exact: true }).click();
  });

  it("ran every view without a console error (no CSP violation)", () => {
    expect(consoleErrors).toEqual([]);
  });

  it("refuses the API without the token, and the page says how to get in", async () => {
    const other = await browser.newPage();
    await other.goto(`${origin}/`);
    await other.getByText("needs the address").waitFor();
    const status = await other.evaluate(async () => (await fetch("/api/items")).status);
    expect(status).toBe(401);
    await other.close();
  });

  it("refuses a foreign Host header (DNS rebinding)", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port: dashboard.port,
          path: "/api/items",
          headers: {
            Host: `evil.example:${dashboard.port}`,
            Authorization: `Bearer ${dashboard.token}`,
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it("refuses a write from another origin, even one that knows the token", async () => {
    const before = await readFile(file, "utf8");
    const res = await fetch(`${origin}/api/items`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${dashboard.token}`,
        "Content-Type": "application/json",
        Origin: "http://evil.example",
      },
      body: JSON.stringify({ text: "planted" }),
    });
    expect(res.status).toBe(403);
    // A page on another origin cannot even get its request through the browser's preflight.
    const other = await browser.newPage();
    await other.goto("about:blank");
    const outcome = await other.evaluate(
      async ({ url, token }) => {
        try {
          const r = await fetch(`${url}/api/items`, {
            method: "POST",
            headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
            body: JSON.stringify({ text: "planted" }),
          });
          return `status ${r.status}`;
        } catch {
          return "blocked";
        }
      },
      { url: origin, token: dashboard.token },
    );
    await other.close();
    expect(outcome).toBe("blocked");
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("serves the page with a strict Content-Security-Policy", async () => {
    const res = await fetch(`${origin}/`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(existsSync(join(ARTIFACTS, "board.png"))).toBe(true);
  });
});
