import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeItemLine } from "../core/docket/docket.js";
import { type ItemJson, itemJson } from "../core/docket/item-json.js";
import { type BoardJson, boardDelta, boardMark } from "./board-delta.js";

const item = (text: string, id: string, line = 1): ItemJson => ({
  ...itemJson(makeItemLine(text, id)),
  line,
});
const board = (version: string, items: ItemJson[], predicted = {}): BoardJson => ({
  today: "2026-11-25",
  version,
  items,
  predicted,
  timers: [],
  now: "2026-11-25T10:00:00Z",
  problems: { unreadable: [], duplicates: [] },
});

describe("the board's delta", () => {
  it("names the changed, added and removed items, the new order and the moved predictions", () => {
    const a = item("Review the RFC cat:tech", "a", 1);
    const b = item("1:1 with Dana", "b", 2);
    const c = item("Plan the talk cat:public", "c", 3);
    const before = board("v1", [a, b, c], { b: "people" });
    const b2 = item("1:1 with Dana about the promo", "b", 2);
    const d = item("Write the policy cat:process", "d", 3);
    const after = board("v2", [d, b2, a], { b: "product", d: "process" });
    const mark = boardMark(after);
    if (!mark) throw new Error("no mark");
    const delta = boardDelta(
      boardMark(before) as NonNullable<ReturnType<typeof boardMark>>,
      after,
      mark,
    );
    expect(delta.from).toBe("v1");
    expect(delta.version).toBe("v2");
    expect(delta.changed.map((i) => i.id)).toEqual(["d", "b"]);
    expect(delta.removed).toEqual(["c"]);
    expect(delta.order).toEqual(["d", "b", "a"]);
    expect(delta.predicted).toEqual({ b: "product", d: "process" });
  });

  it("counts an item whose line number moved as changed, and a gone prediction as null", () => {
    const a = item("Review the RFC", "a", 2);
    const before = board("v1", [a], { a: "tech" });
    const after = board("v2", [{ ...a, line: 1, category: "tech" }], {});
    const delta = boardDelta(
      boardMark(before) as NonNullable<ReturnType<typeof boardMark>>,
      after,
      boardMark(after) as NonNullable<ReturnType<typeof boardMark>>,
    );
    expect(delta.changed.map((i) => i.line)).toEqual([1]);
    expect(delta.predicted).toEqual({ a: null });
  });

  it("has no mark for a board where an id repeats: such a board only travels whole", () => {
    expect(boardMark(board("v", [item("One", "a"), item("Two", "a", 2)]))).toBeUndefined();
  });

  it("an unchanged board gives an empty delta, whatever the items", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,6}$/), { maxLength: 20 }),
        (ids) => {
          const items = ids.map((id, n) => item(`Item ${id}`, id, n + 1));
          const b = board("v", items);
          const m = boardMark(b) as NonNullable<ReturnType<typeof boardMark>>;
          const delta = boardDelta(m, b, m);
          expect(delta.changed).toEqual([]);
          expect(delta.removed).toEqual([]);
          expect(delta.order).toEqual(ids);
        },
      ),
    );
  });
});
