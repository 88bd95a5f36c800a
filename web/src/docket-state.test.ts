import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeItemLine } from "../../src/core/docket/docket.js";
import { itemJson } from "../../src/core/docket/item-json.js";
import { type BoardJson, boardDelta, boardMark } from "../../src/server/board-delta.js";
import {
  columnCount,
  confirm,
  fromBoard,
  provisionalItem,
  provisionalTitle,
  shownItems,
  withBoard,
  withDelta,
  withoutPending,
  withPending,
} from "./docket-state.js";

const item = (text: string, id: string, line = 1) => ({
  ...itemJson(makeItemLine(text, id)),
  line,
});
const board = (version: string, items = [a, b, c], predicted = {}): BoardJson => ({
  today: "2026-11-25",
  version,
  items,
  predicted,
  timers: [],
  now: "2026-11-25T10:00:00Z",
  problems: { unreadable: [], duplicates: [] },
});
const a = item("Review the RFC cat:tech", "a", 1);
const b = item("1:1 with Dana cat:people", "b", 2);
const c = item("Plan the talk cat:public", "c", 3);

const delta = (before: BoardJson, after: BoardJson) => {
  const m = boardMark(after);
  const bm = boardMark(before);
  if (!m || !bm) throw new Error("no mark");
  return boardDelta(bm, after, m);
};

describe("the page's board state", () => {
  it("applies a delta keeping every unchanged item the same object", () => {
    const state = fromBoard(board("v1"));
    const b2 = item("1:1 with Dana about the promo cat:people", "b", 2);
    const d = item("Write the policy cat:process", "d", 4);
    const next = withDelta(state, delta(board("v1"), board("v2", [d, c, b2], { d: "process" })));
    if (!next) throw new Error("the delta did not fit");
    expect(next.base.version).toBe("v2");
    expect(next.base.items.map((i) => i.id)).toEqual(["d", "c", "b"]);
    expect(next.base.items[1]).toBe(state.base.items[2]);
    expect(next.base.items[2]?.title).toBe("1:1 with Dana about the promo");
    expect(next.base.predicted).toEqual({ d: "process" });
  });

  it("refuses a delta from another version, or one naming an item it does not have", () => {
    const state = fromBoard(board("v1"));
    expect(withDelta(state, delta(board("v0"), board("v2")))).toBeUndefined();
    const broken = { ...delta(board("v1"), board("v2")), order: ["a", "zz"] };
    expect(withDelta(state, broken)).toBeUndefined();
  });

  it("shows an add at once, first, and drops it when the server refuses", () => {
    const state = fromBoard(board("v1"));
    const temp = provisionalItem(
      "new-1",
      "Call Acme about +renewal due:friday",
      "product",
      "2026-11-25",
    );
    const pending = withPending(state, { kind: "add", key: 1, item: temp });
    expect(shownItems(pending).map((i) => i.id)).toEqual(["new-1", "a", "b", "c"]);
    expect(shownItems(pending)[0]?.title).toBe("Call Acme about");
    expect(shownItems(withoutPending(pending, 1))).toEqual(state.base.items);
  });

  it("replaces the provisional card by the server's item, which the next delta places", () => {
    const state = withPending(fromBoard(board("v1")), {
      kind: "add",
      key: 1,
      item: provisionalItem("new-1", "Call Acme", null, "2026-11-25"),
    });
    const real = item("Call Acme cat:product", "e", 4);
    const answered = confirm(state, 1, real);
    expect(shownItems(answered).map((i) => i.id)).toEqual(["e", "a", "b", "c"]);
    // A delta from before the write does not make the card blink out.
    const early = withDelta(answered, delta(board("v1"), board("v1b", [b, a, c])));
    expect(early && shownItems(early).map((i) => i.id)).toEqual(["e", "b", "a", "c"]);
    const placed = withDelta(answered, delta(board("v1"), board("v2", [a, b, real, c])));
    expect(placed?.pending).toEqual([]);
    expect(placed && shownItems(placed).map((i) => i.id)).toEqual(["a", "b", "e", "c"]);
  });

  it("hides a completed card, moves a recategorised one and retitles an edited one until answered", () => {
    let state = fromBoard(board("v1"));
    state = withPending(state, { kind: "done", key: 1, id: "a" });
    state = withPending(state, { kind: "recat", key: 2, id: "b", category: "tech" });
    state = withPending(state, { kind: "edit", key: 3, id: "c", text: "Plan the keynote +talks" });
    const shown = shownItems(state);
    expect(shown.map((i) => i.id)).toEqual(["b", "c"]);
    expect(shown[0]?.category).toBe("tech");
    expect(shown[1]?.title).toBe("Plan the keynote");
    // Refused: each comes back as the server has it.
    let back = state;
    for (const key of [1, 2, 3]) back = withoutPending(back, key);
    expect(shownItems(back)).toEqual(board("v1").items);
    // Answered: the completed card stays hidden until the base has it gone, then settles.
    const answered = confirm(state, 1, null);
    expect(shownItems(answered).map((i) => i.id)).toEqual(["b", "c"]);
    const gone = withDelta(answered, delta(board("v1"), board("v2", [b, c])));
    expect(gone?.pending.map((p) => p.key)).toEqual([2, 3]);
    // An answered change the base never shows is let go after a few versions.
    let never = confirm(withoutPending(withoutPending(state, 2), 3), 1, null);
    for (const v of ["v2", "v3", "v4"]) never = withBoard(never, board(v));
    expect(never.pending).toEqual([]);
  });

  it("keeps the base's object for a card whose answer the base already shows", () => {
    const state = confirm(
      withPending(fromBoard(board("v1")), { kind: "recat", key: 1, id: "b", category: "people" }),
      1,
      b,
    );
    expect(shownItems(state)[1]).toBe(b);
  });

  it("keeps unanswered changes over a whole board that arrives meanwhile", () => {
    const state = withPending(fromBoard(board("v1")), { kind: "done", key: 1, id: "b" });
    expect(shownItems(withBoard(state, board("v2", [c, b, a]))).map((i) => i.id)).toEqual([
      "c",
      "a",
    ]);
  });

  it("counts a column by the server's figure while only the first screen is here", () => {
    const state = fromBoard({ ...board("v1"), partial: { counts: { tech: 700 } } });
    expect(columnCount(state, "tech", 40)).toBe(700);
    expect(columnCount(state, "people", 3)).toBe(3);
    expect(columnCount(withBoard(state, board("v2")), "tech", 40)).toBe(40);
  });

  it("a provisional title leaves out tags, projects and contexts but keeps times like 1:1", () => {
    expect(provisionalTitle("1:1 with Dana +promo @office due:friday with:dana")).toBe(
      "1:1 with Dana",
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const t = provisionalTitle(text);
        expect(t.length).toBeLessThanOrEqual(text.trim().length);
      }),
    );
  });

  it("any delta between two boards takes the one to the other", () => {
    const ids = fc.uniqueArray(fc.constantFrom("a", "b", "c", "d", "e", "f"), { maxLength: 6 });
    fc.assert(
      fc.property(ids, ids, fc.boolean(), (before, after, edit) => {
        const mk = (id: string, n: number, v: string) =>
          item(`Item ${id} ${v} cat:tech`, id, n + 1);
        const b1 = board(
          "v1",
          before.map((id, n) => mk(id, n, "x")),
        );
        const b2 = board(
          "v2",
          after.map((id, n) => mk(id, n, edit ? "y" : "x")),
        );
        const next = withDelta(fromBoard(b1), delta(b1, b2));
        expect(next?.base.items).toEqual(b2.items);
      }),
    );
  });
});
