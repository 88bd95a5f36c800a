import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  completeText,
  getTag,
  reopenText,
  replaceBodyText,
  setPriorityText,
  setTag,
} from "./edit.js";
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

  it("replaces the words but keeps head and the named tags", () => {
    expect(
      replaceBodyText("(A) 2026-11-01 old words cat:people id:ab12 due:2026-12-01", "new words", [
        "id",
        "cat",
      ]),
    ).toBe("(A) 2026-11-01 new words id:ab12 cat:people");
  });

  it("lets the new text override a kept tag", () => {
    expect(replaceBodyText("old cat:people id:ab12", "new cat:tech", ["id", "cat"])).toBe(
      "new cat:tech id:ab12",
    );
  });
});
