import { describe, expect, it } from "vitest";
import { makeItemLine } from "../../src/core/docket/docket.js";
import { itemJson } from "../../src/core/docket/item-json.js";
import {
  filterFromQuery,
  isFiltered,
  matchesFilter,
  NO_FILTER,
  queryWithFilter,
} from "./filter.js";

const item = (text: string) => itemJson(makeItemLine(text, "x"));
const a = item("(A) Review the caching RFC +platform @desk due:2026-11-27 with:dana.k cat:tech");
const b = item("Promo packet with:priya due:2026-12-10 cat:people");

describe("the board filter", () => {
  it("narrows by text, project, context, person, due range and priority", () => {
    const only = (f: Partial<typeof NO_FILTER>) =>
      [a, b].filter((i) => matchesFilter(i, { ...NO_FILTER, ...f })).map((i) => i.title);
    expect(only({})).toHaveLength(2);
    expect(only({ text: "CACHING" })).toEqual([a.title]);
    expect(only({ text: "-caching" })).toEqual([b.title]);
    expect(only({ project: "+Platform" })).toEqual([a.title]);
    expect(only({ context: "desk" })).toEqual([a.title]);
    expect(only({ person: "dana" })).toEqual([a.title]);
    expect(only({ person: "with:priya" })).toEqual([b.title]);
    expect(only({ dueFrom: "2026-12-01" })).toEqual([b.title]);
    expect(only({ dueTo: "2026-11-30" })).toEqual([a.title]);
    expect(only({ priority: "a" })).toEqual([a.title]);
    expect(only({ priority: "none" })).toEqual([b.title]);
  });

  it("lives in the query string, other parameters kept", () => {
    const f = { ...NO_FILTER, text: "rfc review", person: "dana", dueTo: "2026-12-01" };
    const query = queryWithFilter("?other=1", f);
    expect(query).toBe("?other=1&q=rfc+review&person=dana&due-to=2026-12-01");
    expect(filterFromQuery(query)).toEqual(f);
    expect(isFiltered(filterFromQuery(""))).toBe(false);
    expect(queryWithFilter(query, NO_FILTER)).toBe("?other=1");
  });
});
