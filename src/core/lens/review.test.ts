import { describe, expect, it } from "vitest";
import { itemLines } from "../docket/docket.js";
import { parseDocket } from "../docket/parse.js";
import type { Practice } from "./practice.js";
import { buildReviewReport, dueSnapshot, reviewJson, reviewMarkdown } from "./review.js";
import { lensSettings } from "./settings.js";

const TODAY = "2026-11-25";
const PUBLIC_PRACTICE: Practice = {
  id: "public-talk",
  category: "public",
  roles: ["manager"],
  title: "Give a talk",
  prompt: "Have you given a talk this year?",
  why: "Talks build the team's reputation.",
  items: [{ text: "Submit a talk proposal" }],
  source: "test",
};
const DOCKET = [
  "x 2026-11-24 1:1 with Dana cat:people spent:30m id:d001",
  "x 2026-11-19 Fix the retry bug cat:tech spent:1h id:d002",
  "x 2026-11-18 Too old for this week cat:process spent:1h id:d003",
  "x 2026-11-02 Board prep cat:product spent:1h id:d004",
  "x 2026-11-01 Ops review cat:process spent:1h id:d005",
  "Overdue thing cat:product due:2026-11-20 id:o001",
  "Pushed thing cat:tech due:2026-12-05 id:p001",
  "",
].join("\n");

function review(previousDue?: Record<string, string>) {
  return buildReviewReport({
    lines: itemLines(parseDocket(DOCKET)),
    today: TODAY,
    settings: lensSettings({ role: "manager" }),
    practices: [PUBLIC_PRACTICE],
    previousDue,
  });
}

describe("buildReviewReport", () => {
  it("covers the seven days ending today, grouped by category", () => {
    const r = review();
    expect(r.period).toMatchObject({ start: "2026-11-19", end: TODAY });
    const ids = (c: string) => r.done.find((g) => g.category === c)?.items.map((l) => l.id) ?? [];
    expect(ids("people")).toEqual(["d001"]);
    expect(ids("tech")).toEqual(["d002"]);
    expect(ids("process")).toEqual([]);
    expect(r.balance.total).toBe(90);
  });

  it("lists overdue items, and pushed ones against the last saved due dates", () => {
    const r = review({ p001: "2026-11-28", o001: "2026-11-20" });
    expect(r.overdue.map((l) => l.id)).toEqual(["o001"]);
    expect(r.pushed.map((p) => [p.line.id, p.from, p.to])).toEqual([
      ["p001", "2026-11-28", "2026-12-05"],
    ]);
  });

  it("ends with the neediest category and a practice for it", () => {
    const r = review();
    // Public was never done: starving, need 1, first in need among equals.
    expect(r.focus).toMatchObject({ category: "public", need: 1 });
    expect(r.practice?.id).toBe("public-talk");
    const md = reviewMarkdown(r);
    expect(md).toContain("# Weekly review, 2026-11-19 to 2026-11-25");
    expect(md).toContain("- overdue 5 days: Overdue thing (o001)");
    expect(md).toContain("Practice to take up: **Give a talk** (`public-talk`).");
    expect(reviewJson(r).practice?.id).toBe("public-talk");
  });

  it("works on an empty docket", () => {
    const r = buildReviewReport({
      lines: [],
      today: TODAY,
      settings: lensSettings(),
      practices: [],
    });
    expect(reviewMarkdown(r)).toContain("Nothing marked done in the last 7 days.");
    expect(r.practice).toBeUndefined();
  });

  it("snapshots the due dates of open items only", () => {
    expect(dueSnapshot(itemLines(parseDocket(DOCKET)))).toEqual({
      o001: "2026-11-20",
      p001: "2026-12-05",
    });
  });
});
