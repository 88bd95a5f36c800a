import { describe, expect, it } from "vitest";
import { itemLines } from "../docket/docket.js";
import { parseDocket } from "../docket/parse.js";
import { categoryActivity, starvingCategories } from "./starving.js";

const DOCKET = [
  "x 2026-11-24 a cat:people",
  "x 2026-11-04 b cat:process", // 21 days before today: exactly three weeks
  "x 2026-11-05 c cat:tech", // 20 days
  "x 2026-09-01 d cat:public",
  "Open product item cat:product",
  "x 2026-12-01 done in the future cat:product",
  "",
].join("\n");

describe("starvingCategories", () => {
  const lines = itemLines(parseDocket(DOCKET));

  it("flags categories idle for the threshold or never done, longest idle first", () => {
    const starving = starvingCategories(lines, "2026-11-25", 3);
    expect(starving.map((s) => s.category)).toEqual(["product", "public", "process"]);
    expect(starving[0]).toMatchObject({ lastDone: undefined, idleDays: undefined });
    expect(starving[1]).toMatchObject({ lastDone: "2026-09-01", idleDays: 85 });
  });

  it("keeps the last activity of every category", () => {
    const activity = categoryActivity(lines, "2026-11-25", 3);
    expect(activity.find((a) => a.category === "tech")).toMatchObject({
      idleDays: 20,
      starving: false,
    });
  });

  it("calls every category starving on an empty docket", () => {
    expect(starvingCategories([], "2026-11-25")).toHaveLength(5);
  });
});
