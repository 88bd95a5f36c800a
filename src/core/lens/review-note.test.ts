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
});
