import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { completeText, editItemText, getTag, reopenText, setPriorityText, setTag } from "./edit.js";
import { parseItem } from "./parse.js";

describe("setTag", () => {
  it("replaces a tag in place, keeping the spacing around it", () => {
    expect(setTag("call  Dana\tdue:2026-11-01   @phone", "due", "2026-12-01")).toBe(
      "call  Dana\tdue:2026-12-01   @phone",
    );
  });

  it("appends a missing tag with one space", () => {
    expect(setTag("call Dana", "cat", "people")).toBe("call Dana cat:people");
    expect(setTag("call Dana  ", "cat", "people")).toBe("call Dana cat:people");
    expect(setTag("", "cat", "people")).toBe("cat:people");
  });

  it("removes a tag and exactly one gap", () => {
    expect(setTag("call cat:people Dana", "cat", undefined)).toBe("call Dana");
    expect(setTag("call Dana cat:people", "cat", undefined)).toBe("call Dana");
    expect(setTag("cat:people call Dana", "cat", undefined)).toBe("call Dana");
  });

  it("does not touch keys that merely start the same", () => {
    expect(setTag("a category:x cat:tech", "cat", "people")).toBe("a category:x cat:people");
  });

  it("leaves the text readable with the tag set, for any words", () => {
    const word = fc.stringMatching(/^[a-zA-Z0-9@+]{1,8}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 8 }),
        fc.constantFrom("people", "tech"),
        (words, cat) => {
          const text = setTag(words.join(" "), "cat", cat);
          expect(getTag(text, "cat")).toBe(cat);
          expect(getTag(setTag(text, "cat", undefined), "cat")).toBeUndefined();
        },
      ),
    );
  });
});

describe("completing and reopening", () => {
  it("marks done with the date, keeps the creation date and moves the priority to pri:", () => {
    const done = completeText("(A) 2026-11-01 Ship the RFC cat:tech", "2026-11-25");
    expect(done).toBe("x 2026-11-25 2026-11-01 Ship the RFC cat:tech pri:A");
    expect(reopenText(done)).toBe("(A) 2026-11-01 Ship the RFC cat:tech");
  });

  it("leaves an already done item as it is", () => {
    expect(completeText("x 2026-01-01 old", "2026-11-25")).toBe("x 2026-01-01 old");
    expect(reopenText("still open")).toBe("still open");
  });

  it("is undone by reopen for any open item", () => {
    const word = fc.stringMatching(/^[a-z]{1,6}$/);
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom("A", "B", "C"), { nil: undefined }),
        fc.option(fc.constant("2026-10-10"), { nil: undefined }),
        fc.array(word, { minLength: 1, maxLength: 6 }),
        (pri, created, words) => {
          const text = [pri ? `(${pri})` : "", created ?? "", words.join(" ")]
            .filter(Boolean)
            .join(" ");
          // "x a" is already done, not open.
          fc.pre(!text.startsWith("x "));
          const done = completeText(text, "2026-11-25");
          expect((parseItem(done) as { done: boolean }).done).toBe(true);
          expect(reopenText(done)).toBe(text);
        },
      ),
    );
  });
});

describe("priority and body", () => {
  it("sets and clears the priority", () => {
    expect(setPriorityText("2026-11-01 call Dana", "B")).toBe("(B) 2026-11-01 call Dana");
    expect(setPriorityText("(B) call Dana", undefined)).toBe("call Dana");
  });
});

describe("editing an item's text", () => {
  const line =
    "(A) 2026-11-01 1:1 with Dana: promo +promo @calendar due:2026-12-04 rec:1w est:30m cat:people id:tcwq";

  it("keeps every tag, project and context the new wording does not set", () => {
    expect(editItemText(line, "1:1 with Dana: promo packet and Q1 goals", "keep")).toBe(
      "(A) 2026-11-01 1:1 with Dana: promo packet and Q1 goals +promo @calendar due:2026-12-04 rec:1w est:30m cat:people id:tcwq",
    );
  });

  it("lets the new text set a tag, a priority or a project itself", () => {
    expect(editItemText(line, "(C) promo packet due:2026-12-11 +promo cat:tech", "keep")).toBe(
      "(C) 2026-11-01 promo packet due:2026-12-11 +promo cat:tech @calendar rec:1w est:30m id:tcwq",
    );
  });

  it("keeps a done item's mark, dates and the priority it will get back on undo", () => {
    expect(
      editItemText("x 2026-11-20 2026-11-01 old words pri:B id:ab12", "new words", "keep"),
    ).toBe("x 2026-11-20 2026-11-01 new words pri:B id:ab12");
  });

  it("in `wording` mode replaces the body as an editor showed it, keeping head, id: and cat:", () => {
    expect(editItemText(line, "1:1 with Dana +promo est:30m", "wording")).toBe(
      "(A) 2026-11-01 1:1 with Dana +promo est:30m cat:people id:tcwq",
    );
    expect(editItemText("old cat:people id:ab12", "new cat:tech", "wording")).toBe(
      "new cat:tech id:ab12",
    );
  });

  it("in `replace` mode takes the whole line as given, keeping only the id", () => {
    expect(editItemText(line, "(B) a new line due:2026-12-24", "replace")).toBe(
      "(B) a new line due:2026-12-24 id:tcwq",
    );
    expect(editItemText("old id:ab12", "new id:cd34", "replace")).toBe("new id:cd34");
  });

  it("loses nothing of the old line in `keep` mode, for any new wording", () => {
    const word = fc.stringMatching(/^[a-z]{1,6}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
        const out = parseItem(editItemText(line, words.join(" "), "keep"));
        const before = parseItem(line);
        if (typeof out === "string" || typeof before === "string") throw new Error(String(out));
        expect(out.tags).toEqual(before.tags);
        expect(out.projects).toEqual(before.projects);
        expect(out.contexts).toEqual(before.contexts);
        expect(out.priority).toBe("A");
        expect(out.title).toBe(`${words.join(" ")} +promo @calendar`);
      }),
    );
  });
});
