import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeReviewNote, NOTE_BEGIN, NOTE_END } from "./review-note.js";

const REVIEW = "# Weekly review\n\nDone: 3.\n";

describe("mergeReviewNote", () => {
  it("writes a new note as the generated part between markers, then room for notes", () => {
    const { text, merge } = mergeReviewNote(undefined, REVIEW);
    expect(merge).toBe("created");
    expect(text).toBe(`${NOTE_BEGIN}\n${REVIEW}${NOTE_END}\n\n## Notes\n\n`);
  });

  it("replaces only the part between the markers, keeping the user's text byte for byte", () => {
    const first = mergeReviewNote(undefined, REVIEW).text;
    const edited = `My intro.\r\n\n${first}Dana seemed tired; ask on Friday.\n`;
    const { text, merge } = mergeReviewNote(edited, "# Weekly review\n\nDone: 4.\n");
    expect(merge).toBe("updated");
    expect(text).toBe(
      `My intro.\r\n\n${NOTE_BEGIN}\n# Weekly review\n\nDone: 4.\n${NOTE_END}\n\n## Notes\n\nDana seemed tired; ask on Friday.\n`,
    );
  });

  it("keeps a note without markers whole and appends the review after it", () => {
    const { text, merge } = mergeReviewNote("Notes I wrote myself", REVIEW);
    expect(merge).toBe("appended");
    expect(text).toBe(`Notes I wrote myself\n\n${NOTE_BEGIN}\n${REVIEW}${NOTE_END}\n`);
    // Written again, the appended part is now the one updated.
    expect(mergeReviewNote(text, "new\n").text).toBe(
      `Notes I wrote myself\n\n${NOTE_BEGIN}\nnew\n${NOTE_END}\n`,
    );
  });

  it("refuses markers that are not one pair in order", () => {
    expect(() => mergeReviewNote(`${NOTE_END}\n${NOTE_BEGIN}\n`, REVIEW)).toThrow(/not one pair/);
    expect(() => mergeReviewNote(`${NOTE_BEGIN}\nno end\n`, REVIEW)).toThrow(/not one pair/);
    expect(() =>
      mergeReviewNote(`${NOTE_BEGIN}${NOTE_END}${NOTE_BEGIN}${NOTE_END}`, REVIEW),
    ).toThrow(/not one pair/);
  });

  it("keeps every byte outside the markers, whatever the user wrote, write after write", () => {
    const userText = fc
      .string({ unit: "binary", maxLength: 200 })
      .filter((t) => !t.includes("<!--"));
    fc.assert(
      fc.property(userText, userText, fc.string({ maxLength: 80 }), (before, after, review) => {
        const generated = review.replaceAll("<!--", "");
        const note = `${before}${NOTE_BEGIN}\nold\n${NOTE_END}${after}`;
        const once = mergeReviewNote(note, generated).text;
        expect(once.startsWith(before)).toBe(true);
        expect(once.endsWith(`${NOTE_END}${after}`)).toBe(true);
        expect(mergeReviewNote(once, generated).text).toBe(once);
        // A note without markers is kept as its first bytes.
        expect(mergeReviewNote(before, generated).text.startsWith(before)).toBe(true);
      }),
    );
  });
});
