import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { itemLines } from "./docket.js";
import { parseDocket } from "./parse.js";
import {
  compareForList,
  groupByCategory,
  type ItemQuery,
  matchesQuery,
  sortForList,
} from "./query.js";

const docket = parseDocket(
  [
    "(B) review RFC +platform @desk cat:tech due:2026-11-30 id:t1",
    "(A) promo packet Dana cat:people due:2026-12-05 id:p1",
    "blog draft cat:public id:u1",
    "x 2026-11-20 old done thing cat:tech id:d1",
    "hidden one h:1 cat:tech id:h1",
    "later one t:2026-12-10 cat:process id:l1",
    "no category here id:n1",
    "customer call due:2026-11-24 cat:product @phone id:c1",
  ].join("\n"),
);
const today = "2026-11-25";
const ids = (q: ItemQuery) =>
  itemLines(docket)
    .filter((l) => matchesQuery(l, q, today))
    .map((l) => l.id);

describe("filters", () => {
  it("shows open, visible, started items by default", () => {
    expect(ids({})).toEqual(["t1", "p1", "u1", "n1", "c1"]);
  });
  it("shows everything with --all, only done with --done", () => {
    expect(ids({ status: "all", includeHidden: true })).toHaveLength(8);
    expect(ids({ status: "done" })).toEqual(["d1"]);
  });
  it("filters by category, and by none", () => {
    expect(ids({ categories: ["tech", "people"] })).toEqual(["t1", "p1"]);
    expect(ids({ uncategorised: true })).toEqual(["n1"]);
  });
  it("filters by project, context and words, with -word excluding", () => {
    expect(ids({ projects: ["PLATFORM"] })).toEqual(["t1"]);
    expect(ids({ contexts: ["phone"] })).toEqual(["c1"]);
    expect(ids({ words: ["dana"] })).toEqual(["p1"]);
    expect(ids({ words: ["-cat:tech"] })).toEqual(["p1", "u1", "n1", "c1"]);
  });
  it("filters by a due range, leaving undated items out", () => {
    expect(ids({ dueTo: "2026-11-30" })).toEqual(["t1", "c1"]);
    expect(ids({ dueFrom: "2026-12-01" })).toEqual(["p1"]);
  });
});

describe("order", () => {
  it("groups in PPPPT order, uncategorised last, priority then due within a group", () => {
    const d = parseDocket(
      "c due:2026-12-01 cat:tech\na cat:tech\n(A) b cat:tech\nd due:2026-11-01 cat:tech\nz\nq cat:people\n",
    );
    const groups = groupByCategory(itemLines(d));
    expect(groups.map((g) => g.category)).toEqual(["people", "tech", undefined]);
    expect(groups[1]?.items.map((l) => l.item.title)).toEqual(["b", "d", "c", "a"]);
  });

  it("sorts by packed keys exactly as the comparator does", () => {
    const line = fc
      .tuple(
        fc.option(fc.constantFrom("A", "B", "C", "Z"), { nil: undefined }),
        fc.option(
          fc.date({
            min: new Date("1999-12-30"),
            max: new Date("2100-01-02"),
            noInvalidDate: true,
          }),
          {
            nil: undefined,
          },
        ),
      )
      .map(([p, d]) =>
        [p ? `(${p})` : "", "item", d ? `due:${d.toISOString().slice(0, 10)}` : ""]
          .filter(Boolean)
          .join(" "),
      );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (texts) => {
        const lines = itemLines(parseDocket(texts.join("\n")));
        const expected = lines.slice().sort(compareForList);
        expect(sortForList(lines).map((l) => l.number)).toEqual(expected.map((l) => l.number));
      }),
    );
  });
});
