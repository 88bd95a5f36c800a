import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { itemLines } from "../docket/docket.js";
import { setTag } from "../docket/edit.js";
import type { ItemLine } from "../docket/item.js";
import { parseDocket } from "../docket/parse.js";
import { printDocketText } from "../docket/print.js";
import { type ImportedItem, safeTitle } from "./imported-item.js";
import { mergeImported } from "./merge.js";

const options = { today: "2026-11-25", categorise: () => undefined };

const date = fc
  .integer({ min: 0, max: 400 })
  .map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));
const item = (id: number) =>
  fc.record({
    sourceId: fc.constant(`jira:AB-${id}`),
    title: fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}[a-z]$/),
    done: fc.boolean(),
    completed: fc.option(date, { nil: undefined }),
    created: fc.option(date, { nil: undefined }),
    due: fc.option(date, { nil: undefined }),
    threshold: fc.constant(undefined),
    priority: fc.constantFrom(undefined, "A", "C"),
    projects: fc.constant([]),
    contexts: fc.constant([]),
    tags: fc.constant([]),
    category: fc.constantFrom(undefined, "tech" as const),
  }) as fc.Arbitrary<ImportedItem>;
const items = fc
  .integer({ min: 0, max: 6 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => item(i + 1))));

describe("mergeImported", () => {
  it("importing the same items twice changes nothing the second time", () => {
    fc.assert(
      fc.property(items, (its) => {
        const first = mergeImported(parseDocket("# mine\n"), its, {}, options);
        expect(first.summary.added).toBe(its.length);
        const again = mergeImported(first.docket, its, first.state, options);
        expect(again.docket).toBe(first.docket);
        expect(again.state).toEqual(first.state);
        expect(again.summary).toMatchObject({ added: 0, updated: 0, unchanged: its.length });
        // And the same from the printed file read back.
        const reread = mergeImported(
          parseDocket(printDocketText(first.docket)),
          its,
          first.state,
          options,
        );
        expect(reread.summary.unchanged).toBe(its.length);
      }),
    );
  });

  it("the source's new title, due and state come in; a field the user changed stays theirs", () => {
    fc.assert(
      fc.property(item(1), item(1), fc.boolean(), (before, after, userEditsDue) => {
        const first = mergeImported(parseDocket(""), [before], {}, options);
        let docket = first.docket;
        const line = itemLines(docket)[0] as ItemLine;
        const userDue = "2030-01-01";
        if (userEditsDue) docket = parseDocket(`${setTag(line.text, "due", userDue)}\n`);
        const second = mergeImported(docket, [after], first.state, options);
        const got = (itemLines(second.docket)[0] as ItemLine).item;
        expect(itemLines(second.docket)).toHaveLength(1);
        expect(got.title.replace(/^"(.*)"$/, "$1")).toBe(safeTitle(after.title));
        expect(got.done).toBe(after.done);
        expect(got.due).toBe(userEditsDue ? userDue : after.due);
      }),
    );
  });
});
