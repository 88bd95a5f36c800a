import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPpppt } from "../../src/cli/fake-io.js";
import { haveBrowser, unnamedControls } from "./browser.js";
import { ARTIFACTS, type DashboardSession, startDashboardSession } from "./dashboard-session.js";

const TODAY = "2026-11-25";
const CONFIG = "people:\n  - priya\n  - dana.k: Dana Kim\n  - dana.m: Dana Morales\n";
const DOCKET = [
  "1:1 with Dana Kim due:2026-11-26 with:dana.k cat:people id:aaaa",
  "Budget numbers @waiting with:dana.k cat:people id:bbbb",
  "(B) Promo case for Dana Morales with:dana.m cat:people due:2026-12-01 id:cccc",
  "x 2026-11-24 2026-11-20 Promo packet review with:dana.k cat:people spent:1h30m id:dddd",
  "x 2026-11-23 2026-11-10 Caching RFC cat:tech est:2h id:eeee",
  "x 2026-11-25 2026-11-21 Meetup abstract cat:public id:ffff",
  "x 2026-11-18 2026-11-18 Last week's ops review cat:process id:gggg",
  "2026-11-20 Write the on-call handbook cat:process id:hhhh",
  "",
].join("\n");

/**
 * The person page and the people to pick from (`g w`), the done history (`g l`) and the
 * self-assessment (`g s`), in Debian's chromium over the real server.
 */
describe.skipIf(!haveBrowser)(
  "people, done history and the self-assessment in a real browser",
  () => {
    let session: DashboardSession;
    let dir: string;
    let env: Record<string, string>;
    let page: Page;
    let consoleErrors: string[] = [];

    beforeAll(async () => {
      session = await startDashboardSession({
        today: TODAY,
        docket: DOCKET,
        files: { "config.yaml": CONFIG },
        options: ({ dir, file }) => {
          // The CLI runs below read the same docket and config as the server.
          env = { PPPPT_FILE: file, PPPPT_CONFIG: join(dir, "config.yaml") };
          return { env };
        },
      });
      ({ dir } = session);
      ({ page, consoleErrors } = await session.openPage({
        ready: (p) => p.locator("article[data-id]").first().waitFor(),
      }));
    }, 60_000);

    afterAll(() => session?.close());

    const idsIn = (section: string) =>
      page
        .getByRole("region", { name: section })
        .locator("li[data-id]")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-id")));

    it("g w lists the people to pick from, and a pick opens their page with ppppt person's facts", async () => {
      await page.keyboard.press("g");
      await page.keyboard.press("w");
      await page.getByRole("heading", { name: "People" }).waitFor();
      const people = page.getByRole("list", { name: "People" }).getByRole("link");
      await expect
        .poll(() => people.allTextContents())
        .toEqual(["priya", "Dana Kim (dana.k)", "Dana Morales (dana.m)"]);

      expect(await unnamedControls(page.locator("main"))).toEqual([]);
      // Typing narrows the list; Enter with one left opens that person.
      await page.getByLabel("Find a person").fill("morales");
      await expect.poll(() => people.allTextContents()).toEqual(["Dana Morales (dana.m)"]);
      await page.getByLabel("Find a person").press("Enter");
      await page.getByRole("heading", { name: "Dana Morales (with:dana.m)" }).waitFor();
      expect(new URL(page.url()).hash).toBe("#person/dana.m");
      expect(await idsIn("Open")).toEqual(["cccc"]);

      await page.getByRole("link", { name: "All people" }).click();
      await page.getByRole("link", { name: "Dana Kim (dana.k)" }).click();
      await page.getByRole("heading", { name: "Dana Kim (with:dana.k)" }).waitFor();
      const cli = JSON.parse(
        (await runPpppt(["person", "dana.k", "--json"], { ...env, PPPPT_TODAY: TODAY })).stdout,
      );
      const ids = (items: { id: string }[]) => items.map((i) => i.id);
      expect(await idsIn("Open")).toEqual(ids(cli.open));
      expect(await idsIn("Done")).toEqual(ids(cli.done));
      expect(await idsIn("Waiting on them for")).toEqual(["bbbb"]);
      expect(await page.getByTestId("next-one-on-one").textContent()).toBe(
        "1:1 with Dana Kim · due tomorrow",
      );
      expect(await page.getByTestId("last-one-on-one").textContent()).toBe("none done");
      expect(await page.getByRole("region", { name: "Done" }).textContent()).toContain(
        "Promo packet review · done yesterday",
      );
      await page.screenshot({ path: join(ARTIFACTS, "person-page.png") });
      expect(await unnamedControls(page.locator("main"))).toEqual([]);

      // Their items on the board: the board, filtered to them.
      await page.getByRole("link", { name: "Their items on the board" }).click();
      await page.locator("article[data-id]").first().waitFor();
      await expect
        .poll(() =>
          page
            .locator("article[data-id]")
            .evaluateAll((els) => els.map((e) => e.getAttribute("data-id")).sort()),
        )
        .toEqual(["aaaa", "bbbb"]);
    });

    it("a first name two people share says who it could be, with them to pick from", async () => {
      await page.goto(`${new URL(page.url()).origin}/#person/dana`);
      await expect
        .poll(() => page.getByRole("alert").textContent())
        .toContain('"dana" could be dana.k or dana.m: say which');
      await expect
        .poll(() => page.getByRole("list", { name: "People" }).getByRole("link").allTextContents())
        .toEqual(["Dana Kim (dana.k)", "Dana Morales (dana.m)"]);
    });

    it("the filter bar's person links to their page", async () => {
      await page.goto(`${new URL(page.url()).origin}/#board`);
      await page.locator("article[data-id]").first().waitFor();
      await page
        .getByRole("search", { name: "Search and filter" })
        .getByLabel("Person")
        .fill("dana.m");
      await page.getByRole("link", { name: "dana.m's page" }).click();
      await page.getByRole("heading", { name: "Dana Morales (with:dana.m)" }).waitFor();
      expect(new URL(page.url()).hash).toBe("#person/dana.m");
    });

    it("g l shows the week's done items by category with their time, and pages through weeks", async () => {
      await page.goto(`${new URL(page.url()).origin}/#board`);
      await page.locator("article[data-id]").first().waitFor();
      // Done on the board now: it is in this week's history at once.
      await page.getByRole("button", { name: "Complete: Write the on-call handbook" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: "Done: Write the on-call handbook" })
        .waitFor();
      await page.keyboard.press("g");
      await page.keyboard.press("l");
      await page.getByRole("heading", { name: "Done", exact: true }).waitFor();
      await expect
        .poll(() => page.getByTestId("history-period").textContent())
        .toBe("week 2026-W48: 2026-11-23 to 2026-11-25, 4 items done");
      const group = (name: string) => page.getByRole("region", { name });
      expect(await group("People").textContent()).toContain(
        "Promo packet review · done yesterday 1h30m spent",
      );
      expect(await group("Tech").textContent()).toContain("Caching RFC");
      expect(await group("Tech").textContent()).toContain("est. 2h");
      expect(await group("Public").textContent()).toContain("4 days from creation to done");
      expect(await group("Process").textContent()).toContain(
        "Write the on-call handbook · done today 5 days from creation to done",
      );
      expect(await page.getByRole("button", { name: "Next week →" }).isDisabled()).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, "history.png") });
      expect(await unnamedControls(page.locator("main"))).toEqual([]);

      await page.getByRole("button", { name: "← Previous week" }).click();
      await expect
        .poll(() => page.getByTestId("history-period").textContent())
        .toBe("week 2026-W47: 2026-11-16 to 2026-11-22, 1 item done");
      expect(new URL(page.url()).hash).toBe("#history/2026-11-16");
      expect(await group("Process").textContent()).toContain("created and done the same day");
      await page.getByRole("button", { name: "Next week →" }).click();
      await expect
        .poll(() => page.getByTestId("history-period").textContent())
        .toContain("2026-W48");
      await page.getByLabel("Week of").fill("2026-11-04");
      await expect
        .poll(() => page.getByTestId("history-period").textContent())
        .toBe("week 2026-W45: 2026-11-02 to 2026-11-08, 0 items done");
      expect(await page.getByText("Nothing was done this week.").isVisible()).toBe(true);
    });

    it("g s asks the self-assessment's questions, saves each answer to assessment.json and scores it", async () => {
      await page.goto(`${new URL(page.url()).origin}/#board`);
      await page.locator("article[data-id]").first().waitFor();
      await page.keyboard.press("g");
      await page.keyboard.press("s");
      await page.getByRole("heading", { name: "Self-assessment" }).waitFor();
      const question = (id: string) => page.locator(`fieldset[data-practice="${id}"]`);
      await question("public-talk").getByLabel("No").check();
      await page.getByRole("status").filter({ hasText: "Saved to" }).waitFor();
      await question("public-blog-post").getByLabel("Partly").check();
      await question("tech-roi-check").getByLabel("Yes").check();
      const score = (category: string) =>
        page.locator(`table[aria-label="Scores"] tr[data-category="${category}"]`).textContent();
      await expect.poll(() => score("tech")).toMatch(/^Tech100%1 of \d+$/);
      await expect.poll(() => score("public")).toMatch(/^Public25%2 of \d+$/);
      const saved = JSON.parse(await readFile(join(dir, "assessment.json"), "utf8"));
      expect(saved).toEqual({
        date: TODAY,
        role: "manager",
        answers: { "public-talk": "no", "public-blog-post": "partly", "tech-roi-check": "yes" },
      });
      // The CLI reads what the page saved and scores it the same.
      const cli = JSON.parse(
        (
          await runPpppt(["assess", "--answer", "tech-roi-check=yes", "--json"], {
            ...env,
            PPPPT_TODAY: TODAY,
          })
        ).stdout,
      );
      const publicScore = cli.scores.find((s: { category: string }) => s.category === "public");
      expect(publicScore.score).toBe(25);
      await page.reload();
      await page.getByRole("heading", { name: "Self-assessment" }).waitFor();
      await expect.poll(() => question("public-talk").getByLabel("No").isChecked()).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, "self-assessment.png") });
      expect(await unnamedControls(page.locator("main"))).toEqual([]);
      // Only the ambiguous name's 400, which the browser logs for any failed fetch.
      expect(consoleErrors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    });

    it("the role picker asks another role's questions, as `ppppt assess --role`, and saves under that role", async () => {
      const playbook = JSON.parse((await runPpppt(["playbook", "--json"], env)).stdout) as {
        id: string;
        roles: string[];
      }[];
      const forRole = (role: string) =>
        playbook
          .filter((p) => p.roles.includes(role))
          .map((p) => p.id)
          .sort();
      const shown = async () =>
        (
          await page
            .locator("fieldset[data-practice]")
            .evaluateAll((fs) => fs.map((f) => f.getAttribute("data-practice") ?? ""))
        ).sort();
      await page.getByRole("heading", { name: "Self-assessment" }).waitFor();
      expect(await shown()).toEqual(forRole("manager"));
      await page.getByRole("combobox", { name: "Role" }).selectOption("director");
      await expect.poll(shown).toEqual(forRole("director"));
      // The first option still names the config's role, not the one picked.
      expect(
        await page.getByRole("combobox", { name: "Role" }).locator("option").first().textContent(),
      ).toBe("From the config (Manager)");
      // A director's question a manager is not asked.
      expect(forRole("manager")).not.toContain("people-skip-levels");
      await page.locator('fieldset[data-practice="people-skip-levels"]').getByLabel("Yes").check();
      await page.getByRole("status").filter({ hasText: "Saved to" }).waitFor();
      const saved = JSON.parse(await readFile(join(dir, "assessment.json"), "utf8"));
      expect(saved.role).toBe("director");
      expect(saved.answers["people-skip-levels"]).toBe("yes");
      // What was answered as a manager is still there.
      expect(saved.answers["tech-roi-check"]).toBe("yes");
    });
  },
);
