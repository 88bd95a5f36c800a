import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../category.js";
import { invalidLines, itemLines } from "../docket/docket.js";
import { parseDocket } from "../docket/parse.js";
import { printDocketText } from "../docket/print.js";
import { balanceByCategory } from "../lens/balance.js";
import { sincePeriod } from "../lens/period.js";
import { starvingCategories } from "../lens/starving.js";
import { buildDemoDocket } from "./demo-docket.js";

const TODAY = "2026-11-25";
const text = buildDemoDocket({ today: TODAY, seed: 1 });
const docket = parseDocket(text);
const lines = itemLines(docket);

describe("buildDemoDocket", () => {
  it("is the same text for the same today and seed, and another for another seed", () => {
    expect(buildDemoDocket({ today: TODAY, seed: 1 })).toBe(text);
    expect(buildDemoDocket({ today: TODAY, seed: 2 })).not.toBe(text);
  });

  it("reads back without a single invalid line, byte for byte", () => {
    expect(invalidLines(docket)).toEqual([]);
    expect(printDocketText(docket)).toBe(text);
    expect(lines.every((l) => l.item.ownId !== undefined)).toBe(true);
  });

  it("holds three to four months of done history and a working set of open items", () => {
    const done = lines.filter((l) => l.item.done).map((l) => l.item.completed as string);
    done.sort();
    expect(done[0]).toMatch(/^2026-0[89]-/);
    expect(done.at(-1)).toBe("2026-11-24");
    const open = lines.filter((l) => !l.item.done);
    expect(open.length).toBeGreaterThanOrEqual(15);
    expect(open.some((l) => l.item.due && l.item.due < TODAY)).toBe(true);
    expect(open.some((l) => l.item.category === undefined)).toBe(true);
  });

  it("has every category, estimates, time spent, recurrences, projects and contexts", () => {
    for (const c of CATEGORIES) expect(lines.some((l) => l.item.category === c)).toBe(true);
    expect(lines.some((l) => l.item.spent !== undefined)).toBe(true);
    expect(lines.some((l) => l.item.estimate !== undefined && l.item.spent === undefined)).toBe(
      true,
    );
    expect(lines.some((l) => l.item.rec && !l.item.done)).toBe(true);
    expect(lines.some((l) => l.item.projects.length > 0)).toBe(true);
    expect(lines.some((l) => l.item.contexts.length > 0)).toBe(true);
  });

  it("lets Public starve and keeps the rest active", () => {
    expect(starvingCategories(lines, TODAY).map((s) => s.category)).toEqual(["public"]);
    const b = balanceByCategory(lines, sincePeriod("2026-09-01", TODAY), "director", TODAY);
    expect(b.basis).toBe("time");
    expect(b.categories.find((r) => r.category === "product")?.drift).toBeLessThan(-5);
  });

  it("works for any today, including a leap day", () => {
    const leap = parseDocket(buildDemoDocket({ today: "2028-02-29", seed: 7 }));
    expect(invalidLines(leap)).toEqual([]);
  });
});
