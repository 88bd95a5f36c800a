import { describe, expect, it } from "vitest";
import { buildDemoDocket } from "../demo/demo-docket.js";
import { itemLines } from "../docket/docket.js";
import { parseDocket } from "../docket/parse.js";
import {
  ageFactor,
  buildNextReport,
  dueFactor,
  type NextItem,
  priorityFactor,
  rankNext,
  topEntries,
} from "./next.js";
import type { Practice } from "./practice.js";
import { lensSettings } from "./settings.js";

const TODAY = "2026-11-25";

// The need window is 2026-10-29..2026-11-25 (28 days). Done in it: people 180m, tech 60m,
// product 60m → shares 60 / 20 / 0 / 0 / 20. Manager targets 35 / 15 / 20 / 5 / 25:
//   people and product above target → need 0; tech (25 − 20) / 25 = 0.2;
//   process last done 2026-10-01 (55 days) and public never → starving → need 1.
// Scores (weights due 12, priority 6, age 2, category 4; age full at 60 days):
//   aaaa: due today 1 − 7·0.8/21 = 0.7333 → 8.8; A → 6; 10/60 → 0.3333; product 0 → 15.1333
//   cccc: 7 days overdue → 12; C 0.3 → 1.8; 5/60 → 0.1667; tech 0.2 → 0.8        → 14.7667
//   dddd: due in 7 days 1 − 14·0.8/21 = 0.4667 → 5.6; 1/60 → 0.0333; process 1 → 4 → 9.6333
//   bbbb: no due, no priority; 60 days old → 2; public 1 → 4                      → 6
//   ffff: due in 14 days → 0.2 → 2.4; created today; no category                 → 2.4
const DOCKET = [
  "x 2026-11-20 2026-11-20 Team 1:1 cat:people spent:3h",
  "x 2026-11-18 Review RFC cat:tech spent:1h",
  "x 2026-11-10 Roadmap session cat:product spent:1h", // 15 days ago: not starving
  "x 2026-10-01 Backlog cleanup cat:process spent:1h",
  "(A) 2026-11-15 Call the customer cat:product due:2026-11-25 id:aaaa",
  "2026-09-26 Write the blog post cat:public id:bbbb",
  "(C) 2026-11-20 Fix the flaky test cat:tech due:2026-11-18 id:cccc",
  "2026-11-24 Write the on-call policy cat:process due:2026-12-02 id:dddd",
  "Hidden thing cat:tech h:1 id:eeee",
  "2026-11-25 Book the venue due:2026-12-09 id:ffff",
  "Not yet started cat:tech t:2026-12-01 id:gggg",
  "",
].join("\n");

function rank(weights = {}) {
  const s = lensSettings({ role: "manager", next: { weights } });
  return rankNext(itemLines(parseDocket(DOCKET)), TODAY, {
    target: s.target,
    starvingWeeks: s.starvingWeeks,
    next: s.next,
  });
}

describe("rankNext", () => {
  it("ranks by the hand-computed scores and leaves out hidden and future items", () => {
    const r = rank();
    expect(r.items.map((i) => i.line.id)).toEqual(["aaaa", "cccc", "dddd", "bbbb", "ffff"]);
    const scores = r.items.map((i) => i.score);
    const expected = [15.1333, 14.7667, 9.6333, 6, 2.4];
    scores.forEach((s, i) => {
      expect(s).toBeCloseTo(expected[i] as number, 3);
    });
  });

  it("explains every score as factor × weight per term", () => {
    const c = rank().items.find((i) => i.line.id === "cccc");
    expect(c?.terms.map((t) => [t.name, t.factor, t.weight])).toEqual([
      ["due", 1, 12],
      ["priority", 0.3, 6],
      ["age", 5 / 60, 2],
      ["category", expect.closeTo(0.2, 6), 4],
    ]);
    expect(c?.terms[0]?.why).toBe("7 days overdue");
  });

  it("measures the category need over the window", () => {
    const { needs, window } = rank();
    expect(window).toEqual({ start: "2026-10-29", end: TODAY });
    expect(needs.process).toMatchObject({ need: 1, reason: "Process: nothing done for 55 days" });
    expect(needs.public.reason).toBe("Public: nothing ever done");
    expect(needs.tech.need).toBeCloseTo(0.2);
    expect(needs.people.need).toBe(0);
  });

  it("follows the weights from config: only category need, ties by due date", () => {
    const r = rank({ due: 0, priority: 0, age: 0, category: 10 });
    expect(r.items.slice(0, 2).map((i) => i.line.id)).toEqual(["dddd", "bbbb"]);
    expect(r.items[0]?.score).toBe(10);
  });

  it("returns nothing for an empty docket", () => {
    const s = lensSettings();
    expect(rankNext([], TODAY, { ...s }).items).toEqual([]);
  });
});

describe("score factors", () => {
  it("due rises linearly from 0.2 two weeks ahead to 1 a week overdue", () => {
    expect(dueFactor(undefined, TODAY)).toBe(0);
    expect(dueFactor("2026-12-30", TODAY)).toBe(0.2);
    expect(dueFactor("2026-12-09", TODAY)).toBeCloseTo(0.2);
    expect(dueFactor("2026-11-18", TODAY)).toBeCloseTo(1);
    expect(dueFactor("2026-10-01", TODAY)).toBe(1);
  });

  it("priority keeps Taskwarrior's H/M/L ratios for A/B/C", () => {
    expect([priorityFactor("A"), priorityFactor("B"), priorityFactor("C")]).toEqual([1, 0.65, 0.3]);
    expect(priorityFactor("D")).toBe(0);
  });

  it("age caps at 1", () => {
    expect(ageFactor("2026-01-01", TODAY, 60)).toBe(1);
    expect(ageFactor(undefined, TODAY, 60)).toBe(0);
  });
});

describe("the age term's wording", () => {
  it("says 1 day old, created today, and never a negative age", () => {
    const s = lensSettings({ role: "manager" });
    const docket = parseDocket(
      "2026-11-24 a id:aaaa\n2026-11-25 b id:bbbb\n2026-11-28 c id:cccc\n2026-11-20 d due:2026-11-24 id:dddd\n",
    );
    const r = rankNext(itemLines(docket), TODAY, {
      target: s.target,
      starvingWeeks: s.starvingWeeks,
      next: s.next,
    });
    const why = (id: string, term: string) =>
      r.items.find((i) => i.line.id === id)?.terms.find((t) => t.name === term)?.why;
    expect(why("aaaa", "age")).toBe("1 day old");
    expect(why("bbbb", "age")).toBe("created today");
    expect(why("cccc", "age")).toBe("created 3 days from now");
    expect(why("dddd", "due")).toBe("1 day overdue");
  });
});

describe("buildNextReport: the starving slot", () => {
  const settings = lensSettings({ role: "director" });
  const demo = itemLines(parseDocket(buildDemoDocket({ today: TODAY, seed: 1 })));

  it("keeps the demo's starving Public in the top five (by score alone it ranks far lower)", () => {
    const byScore = rankNext(demo, TODAY, settings).items;
    const publicAt = byScore.findIndex((e) => e.category === "public");
    expect(publicAt).toBeGreaterThan(4);
    const report = buildNextReport({ lines: demo, settings, today: TODAY });
    expect(report.starving).toMatchObject({ category: "public", practice: null });
    const top = report.items.slice(0, 5);
    const kept = top.find((e) => e.category === "public");
    expect(kept?.keptForStarving).toBe(true);
    expect(report.items.indexOf(kept as NextItem)).toBe(4);
    expect(report.starving?.itemId).toBe(kept?.line.id);
    // The other four are the four best by score, in order; nothing is lost, one moved.
    expect(top.slice(0, 4).map((e) => e.line.id)).toEqual(
      byScore.slice(0, 4).map((e) => e.line.id),
    );
    expect(report.items).toHaveLength(byScore.length);
  });

  it("leaves the order alone when the starving category is already in the top five", () => {
    const report = buildNextReport({
      lines: itemLines(parseDocket(DOCKET)),
      settings,
      today: TODAY,
    });
    expect(report.items.some((e) => e.keptForStarving)).toBe(false);
  });

  it("gives the slot to a practice when the starving category has no open item", () => {
    const lines = itemLines(
      parseDocket(
        [
          ...["people", "product", "process", "tech"].map(
            (c, i) => `x 2026-11-2${i} Done ${c} cat:${c} spent:1h`,
          ),
          ...Array.from(
            { length: 6 },
            (_, i) => `(A) Open ${i} cat:people due:2026-11-2${i} id:o00${i}`,
          ),
          "",
        ].join("\n"),
      ),
    );
    const practice: Practice = {
      id: "public-talk",
      category: "public",
      roles: ["director"],
      title: "Give a talk",
      prompt: "Have you given a talk this year?",
      why: "Talks build the team's reputation.",
      items: [{ text: "Submit a talk proposal" }],
      source: "test",
    };
    const report = buildNextReport({ lines, settings, today: TODAY, practices: [practice] });
    expect(report.starving).toMatchObject({ category: "public", itemId: null });
    const top = topEntries(report, 5);
    expect(top.map((e) => e.kind)).toEqual(["item", "item", "item", "item", "practice"]);
    expect(topEntries(report, 3).map((e) => e.kind)).toEqual(["item", "item", "item"]);
    // Without the playbook the slot has nothing to offer, and says so by a null practice.
    expect(buildNextReport({ lines, settings, today: TODAY }).starving?.practice).toBeNull();
  });

  it("reads the done file: archived work is history, not a starving category", () => {
    const all = itemLines(parseDocket(DOCKET));
    const open = all.filter((l) => !l.item.done);
    const done = all.filter((l) => l.item.done);
    const archived = buildNextReport({ lines: open, doneLines: done, settings, today: TODAY });
    const inDocket = buildNextReport({ lines: all, settings, today: TODAY });
    expect(archived.needs).toEqual(inDocket.needs);
    expect(archived.items.map((e) => [e.line.id, e.score])).toEqual(
      inDocket.items.map((e) => [e.line.id, e.score]),
    );
  });
});
