import { describe, expect, it } from "vitest";
import { buildDemoDocket } from "../../core/demo/demo-docket.js";
import { runPpppt, tempDocket } from "../fake-io.js";

const TODAY = "2026-11-25";

function setup(docket: string, config?: string) {
  return tempDocket(docket, config).env;
}

// Nothing done, so every category starves (need 1 → 4 points each).
//   aaaa: 7 days overdue → 12; A → 6; created today → 0; need 4 → 22
//   bbbb: due in 14 days → 0.2 × 12 = 2.4; no priority; 30 of 60 days old → 1; need 4 → 7.4
//   cccc: no due, B → 3.9; no date; need 4 → 7.9
const DOCKET = [
  "(A) 2026-11-25 Overdue call cat:product due:2026-11-18 id:aaaa",
  "2026-10-26 Later blog post cat:public due:2026-12-09 id:bbbb",
  "(B) Some tech item cat:tech id:cccc",
  "",
].join("\n");

describe("ppppt next", () => {
  it("ranks by the hand-computed scores", async () => {
    const r = await runPpppt(["--today", TODAY, "next", "--json"], setup(DOCKET));
    const out = JSON.parse(r.stdout);
    expect(out.items.map((i: { item: { id: string } }) => i.item.id)).toEqual([
      "aaaa",
      "cccc",
      "bbbb",
    ]);
    expect(out.items.map((i: { score: number }) => Number(i.score.toFixed(4)))).toEqual([
      22, 7.9, 7.4,
    ]);
  });

  it("explains each term and honours weights from the config", async () => {
    const env = setup(DOCKET, "next:\n  weights:\n    priority: 0\n");
    const r = await runPpppt(["next", "--explain", "-n", "1", "--today", TODAY], env);
    expect(r.stdout).toMatch(/1\.\s+16\.0/);
    expect(r.stdout).toMatch(/priority 1\.00 × 0\s+=\s+0\.00\s+priority A/);
    expect(r.stdout).toMatch(/due\s+1\.00 × 12\s+= 12\.00\s+7 days overdue/);
  });

  it("says so when nothing is open, and works on the demo docket", async () => {
    const empty = await runPpppt(["next"], { ...setup(""), PPPPT_TODAY: TODAY });
    expect(empty.stdout).toContain("Nothing open.");
    const env = { ...setup(buildDemoDocket({ today: TODAY, seed: 1 })), PPPPT_TODAY: TODAY };
    const demo = JSON.parse((await runPpppt(["next", "-n", "3", "--json"], env)).stdout);
    expect(demo.items).toHaveLength(3);
    expect(demo.items[0].score).toBeGreaterThanOrEqual(demo.items[1].score);
  });

  it("keeps the demo's starving Public in its top five, and --explain says why", async () => {
    const env = { ...setup(buildDemoDocket({ today: TODAY, seed: 1 })), PPPPT_TODAY: TODAY };
    const out = JSON.parse((await runPpppt(["next", "--json", "--role", "director"], env)).stdout);
    expect(out.starving).toMatchObject({ category: "public" });
    expect(out.items[4]).toMatchObject({ category: "public", keptForStarving: true });
    expect(out.period).toMatchObject({ label: "last 28 days" });
    const text = await runPpppt(["next", "--explain", "--role", "director"], env);
    expect(text.stdout).toMatch(/ 5\. .*\[Public\]/);
    expect(text.stdout).toContain("kept in the top 5 for Public, the most starving category");
    const longer = JSON.parse((await runPpppt(["next", "--json", "--last", "90d"], env)).stdout);
    expect(longer.period).toMatchObject({ label: "last 90 days", start: "2026-08-28" });
  });

  it("offers a practice in the slot when the starving category has nothing open", async () => {
    const r = await runPpppt(
      ["next", "--today", TODAY],
      setup("x 2026-11-24 Done cat:people\n(A) One thing cat:people id:aaaa\n"),
    );
    expect(r.stdout).toMatch(
      / 2\. +\[Product\] take up a practice: .+\(`ppppt plan --add product-/,
    );
  });

  it("refuses a bad -n: 2 when it is not a number, 1 when it is out of range", async () => {
    expect((await runPpppt(["next", "-n", "zero"], setup(DOCKET))).code).toBe(2);
    expect((await runPpppt(["next", "-n", "0"], setup(DOCKET))).code).toBe(1);
  });
});
