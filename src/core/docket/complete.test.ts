import { describe, expect, it } from "vitest";
import { completeItem, reopenItem } from "./complete.js";
import { replaceItem } from "./docket.js";
import { derivedId, parseDocket } from "./parse.js";
import { printDocketText } from "./print.js";

const today = "2026-11-25";

describe("completing", () => {
  it("marks an item done with today's date", () => {
    const c = completeItem(parseDocket("(B) 2026-11-01 write review id:ab12\n"), "ab12", today);
    expect(c.done.text).toBe("x 2026-11-25 2026-11-01 write review id:ab12 pri:B");
    expect(c.next).toBeUndefined();
  });

  it("adds the next occurrence after completion for rec:1w", () => {
    const c = completeItem(
      parseDocket("2026-11-01 1:1 Dana due:2026-11-20 rec:1w spent:30m id:ab12\n"),
      "ab12",
      today,
    );
    expect(c.next?.item.due).toBe("2026-12-02");
    expect(c.next?.item.created).toBe(today);
    expect(c.next?.item.spent).toBeUndefined();
    expect(c.next?.id).not.toBe("ab12");
    expect(c.next?.item.done).toBe(false);
  });

  it("counts a strict rec:+1w from the old due date and moves the threshold with it", () => {
    const c = completeItem(
      parseDocket("staff sync due:2026-11-20 t:2026-11-18 rec:+1w id:ab12\n"),
      "ab12",
      today,
    );
    expect(c.next?.item.due).toBe("2026-11-27");
    expect(c.next?.item.threshold).toBe("2026-11-25");
  });

  it("does not spawn a second occurrence when completing twice", () => {
    const first = completeItem(parseDocket("x rec:1d id:ab12\n"), "ab12", today);
    expect(first.next).toBeUndefined();
  });

  it("reopens", () => {
    const c = completeItem(parseDocket("(A) thing id:ab12\n"), "ab12", today);
    const r = reopenItem(c.docket, "ab12");
    expect(printDocketText(r.docket)).toBe("(A) thing id:ab12\n");
  });

  it("takes out the occurrence completing a recurring item added, leaving the docket as it was", () => {
    const before =
      "2026-11-01 1:1 Dana due:2026-11-20 rec:1w spent:30m cat:people id:ab12\nother id:cd34\n";
    const c = completeItem(parseDocket(before), "ab12", today);
    const r = reopenItem(c.docket, "ab12");
    expect(r.removed?.id).toBe(c.next?.id);
    expect(printDocketText(r.docket)).toBe(before);
  });

  it("finds the occurrence after the file was re-read, a derived id written down, other lines added", () => {
    const line = "(B) 2026-11-02 staff sync due:2026-11-20 t:2026-11-18 rec:+1w";
    const id = derivedId(line);
    const c = completeItem(parseDocket(`${line}\n`), id, today);
    const reread = parseDocket(`${printDocketText(c.docket)}added by an editor\n`);
    const r = reopenItem(reread, id);
    expect(r.removed?.item.due).toBe("2026-11-27");
    expect(printDocketText(r.docket)).toBe(`${line} id:${id}\nadded by an editor\n`);
  });

  it("leaves an occurrence the user has changed since", () => {
    const c = completeItem(parseDocket("sync due:2026-11-20 rec:1w id:ab12\n"), "ab12", today);
    const next = c.next?.id as string;
    const edited = replaceItem(c.docket, next, (t) => `${t} +moved`).docket;
    const r = reopenItem(edited, "ab12");
    expect(r.removed).toBeUndefined();
    expect(printDocketText(r.docket)).toContain("+moved");
  });
});
