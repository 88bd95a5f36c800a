import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPpppt } from "../../src/cli/fake-io.js";
import { haveBrowser, navigatedTo } from "./browser.js";
import { ARTIFACTS, type DashboardSession, startDashboardSession } from "./dashboard-session.js";

const TODAY = "2026-11-25";

/** A team of a director and two managers, made with the real CLI and a bare repository. */
async function makeTeam(root: string) {
  const repo = join(root, "leads.git");
  const people = {
    lee: { role: "director", docket: "x 2026-11-24 Draft the strategy memo cat:product est:3h\n" },
    dana: {
      role: "manager",
      docket:
        "x 2026-11-20 1:1 with Priya cat:people spent:60m\nx 2026-11-21 Fix the flaky test cat:tech spent:120m\nx 2026-11-22 Secret reorg plan cat:people private:1\n",
    },
    sam: { role: "manager", docket: "x 2026-11-18 Customer call cat:product spent:90m\n" },
  };
  const envs: Record<string, Record<string, string>> = {};
  for (const [name, p] of Object.entries(people)) {
    const home = join(root, name);
    await mkdir(home, { recursive: true });
    await writeFile(join(home, "todo.txt"), p.docket);
    envs[name] = {
      HOME: home,
      XDG_DATA_HOME: join(home, "data"),
      XDG_CONFIG_HOME: join(home, "config"),
      PPPPT_FILE: join(home, "todo.txt"),
      PPPPT_TODAY: TODAY,
      GIT_AUTHOR_NAME: name,
      GIT_AUTHOR_EMAIL: `${name}@example.com`,
      GIT_COMMITTER_NAME: name,
      GIT_COMMITTER_EMAIL: `${name}@example.com`,
    };
  }
  const ok = async (args: string[], env: Record<string, string>) => {
    const r = await runPpppt(args, env);
    if (r.code !== 0) throw new Error(`ppppt ${args.join(" ")}: ${r.stderr}`);
  };
  await ok(["team", "init", repo], envs.lee as Record<string, string>);
  for (const [name, p] of Object.entries(people)) {
    await ok(
      ["team", "join", repo, "--as", name, "--role", p.role],
      envs[name] as Record<string, string>,
    );
  }
  await ok(["team", "sync"], envs.lee as Record<string, string>);
  return { repo, lee: envs.lee as Record<string, string> };
}

describe.skipIf(!haveBrowser)("the Team view in a real browser", () => {
  let session: DashboardSession;
  let dir: string;
  let page: Page;
  let lee: Record<string, string>;
  let consoleErrors: string[] = [];

  beforeAll(async () => {
    session = await startDashboardSession({
      today: TODAY,
      // The server reads the director's own docket, which makeTeam writes; this one stays empty.
      docket: "",
      prepare: async ({ dir }) => {
        ({ lee } = await makeTeam(dir));
      },
      options: () => ({ docketPath: lee.PPPPT_FILE as string, env: lee }),
    });
    ({ dir } = session);
    ({ page, consoleErrors } = await session.openPage({
      viewport: { width: 1440, height: 1000 },
      ready: navigatedTo("Team", { name: "Team", exact: true }),
    }));
  }, 300_000);

  afterAll(() => session?.close());

  it("shows one card a member, with the mix `team balance --json` computes", async () => {
    await page.locator("article[data-person]").first().waitFor();
    const names = await page
      .locator("article[data-person]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-person")));
    expect(names).toEqual(["dana", "lee", "sam"]);
    const cli = JSON.parse((await runPpppt(["team", "balance", "--json"], lee)).stdout);
    const dana = cli.people.find((p: { name: string }) => p.name === "dana");
    const chart = page.getByRole("img", { name: /^dana's mix/ });
    const label = (await chart.getAttribute("aria-label")) ?? "";
    const tech = dana.balance.categories.find((c: { category: string }) => c.category === "tech");
    expect(label).toContain(`Tech ${tech.sharePct}% (target ${tech.target}%)`);
    expect(label).toContain("Tech 67% (target 25%)");
    // The canvas has ink: the tech bar in its category colour (#6d28d9).
    const ink = await chart.evaluate((canvas) => {
      const c = canvas as HTMLCanvasElement;
      const px = c.getContext("2d")?.getImageData(0, 0, c.width, c.height).data ?? [];
      let n = 0;
      for (let i = 0; i < px.length; i += 4)
        if (px[i] === 0x6d && px[i + 1] === 0x28 && px[i + 2] === 0xd9) n++;
      return n;
    });
    expect(ink).toBeGreaterThan(50);
  });

  it("names the starving categories and each member's last sync", async () => {
    const sam = page.locator('article[data-person="sam"]');
    expect(await sam.locator(".team-starving").textContent()).toContain("People (never)");
    expect(await sam.locator(".team-sync").textContent()).toMatch(
      /last sync \d{4}-\d\d-\d\d \d\d:\d\d/,
    );
    expect(await page.locator(".view").textContent()).not.toContain("Secret reorg plan");
    await page.screenshot({ path: join(ARTIFACTS, "team.png"), fullPage: true });
  });

  it("follows a sync made on the command line", async () => {
    const base = { ...lee };
    // A new member joins from their own machine; the director syncs; the page shows them.
    const home = join(dir, "kim");
    await mkdir(home, { recursive: true });
    await writeFile(
      join(home, "todo.txt"),
      "x 2026-11-23 Blog post on on-call cat:public spent:2h\n",
    );
    const kim = {
      ...base,
      HOME: home,
      XDG_DATA_HOME: join(home, "data"),
      PPPPT_FILE: join(home, "todo.txt"),
    };
    const repo = join(dir, "leads.git");
    expect(
      (await runPpppt(["team", "join", repo, "--as", "kim", "--role", "manager"], kim)).code,
    ).toBe(0);
    expect((await runPpppt(["team", "sync"], lee)).code).toBe(0);
    // The page refetches when the docket changes: the director's own docket gets an item.
    await writeFile(
      lee.PPPPT_FILE as string,
      "x 2026-11-24 Draft the strategy memo cat:product est:3h\nx 2026-11-25 Skip-level with the team cat:people\n",
    );
    await page.locator('article[data-person="kim"]').waitFor({ timeout: 15_000 });
    expect(
      execFileSync("git", ["-C", repo, "log", "-p", "--all"], { encoding: "utf8" }),
    ).not.toContain("Secret");
  });

  it("is reached from anywhere with g then e", async () => {
    await page.getByRole("link", { name: "Board", exact: true }).click();
    await page.locator(".column").first().waitFor();
    await page.keyboard.press("g");
    await page.keyboard.press("e");
    await page.getByRole("heading", { name: "Team", exact: true }).waitFor();
    expect(page.url()).toMatch(/#team$/);
  });

  it("ran without a console error (no CSP violation)", () => {
    expect(consoleErrors).toEqual([]);
  });
});
