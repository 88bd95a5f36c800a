import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addedLines } from "./added-lines.js";

const bytes = (text: string) => Buffer.from(text, "utf8");
const texts = (lines: Uint8Array[]) => lines.map((l) => Buffer.from(l).toString("utf8"));
const line = fc.string({ maxLength: 12 }).map((s) => s.replace(/\n/g, " "));

describe("addedLines", () => {
  it("finds the lines appended after what was there", () => {
    expect(texts(addedLines(bytes("a\nb\n"), bytes("a\nb\nc\nd\n")))).toEqual(["c", "d"]);
  });

  it("finds a line added twice twice, and a last line with no end of line", () => {
    expect(texts(addedLines(bytes("a\n"), bytes("a\na\nx\na")))).toEqual(["a", "x", "a"]);
  });

  it("finds nothing when lines were only removed, and the new wording of a changed line", () => {
    expect(addedLines(bytes("a\nb\nc\n"), bytes("a\nc\n"))).toEqual([]);
    expect(texts(addedLines(bytes("a\r\nb\r\n"), bytes("a\r\nB\r\n")))).toEqual(["B\r"]);
  });

  it("returns exactly the appended lines, for any file and any appended lines", () => {
    fc.assert(
      fc.property(fc.array(line), fc.array(line, { minLength: 1 }), (before, appended) => {
        const old = before.map((l) => `${l}\n`).join("");
        const now = old + appended.map((l) => `${l}\n`).join("");
        expect(texts(addedLines(bytes(old), bytes(now)))).toEqual(appended);
      }),
    );
  });

  it("loses no line of the new file: before's lines plus the added ones hold all of it", () => {
    fc.assert(
      fc.property(fc.array(line), fc.array(line), (before, after) => {
        const old = before.join("\n");
        const now = after.join("\n");
        const pool = [...linesOf(old), ...texts(addedLines(bytes(old), bytes(now)))];
        for (const l of linesOf(now)) {
          const at = pool.indexOf(l);
          expect(at).toBeGreaterThanOrEqual(0);
          pool.splice(at, 1);
        }
      }),
    );
  });
});

/** The lines of a text as the function counts them: a last end of line starts no line. */
function linesOf(text: string): string[] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}
