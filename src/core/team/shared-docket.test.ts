import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fragment } from "../docket/docket-arbitraries.js";
import { parseDocket } from "../docket/parse.js";
import { isPrivate } from "../docket/private.js";
import { sharedDocket } from "./shared-docket.js";

const withPrivacy = fc.oneof(
  fragment,
  fc.constantFrom("private:1", "private:yes", "private:0", "with:Dana", "1:1 with Priya", "# note"),
);
const docketText = fc
  .array(fc.array(withPrivacy, { maxLength: 8 }), { maxLength: 25 })
  .map((lines) => lines.map((parts) => parts.join(" ")).join("\n"));

describe("the shared copy of a docket", () => {
  it("keeps every non-private item, in order, and nothing else", () => {
    fc.assert(
      fc.property(docketText, (text) => {
        const docket = parseDocket(text);
        const shared = sharedDocket(docket.lines, { redact: false });
        const expected = docket.lines
          .filter((l) => l.kind === "item" && !isPrivate(l.item))
          .map((l) => `${l.text as string}\n`)
          .join("");
        expect(shared.text).toBe(expected);
        const back = parseDocket(shared.text);
        for (const l of back.lines) if (l.kind === "item") expect(isPrivate(l.item)).toBe(false);
      }),
    );
  });

  it("with redaction, names no person it knows of (people:, with:, 1:1s) and never lets a private item through", () => {
    fc.assert(
      fc.property(docketText, (text) => {
        const shared = sharedDocket(parseDocket(text).lines, {
          redact: true,
          people: ["Omar Haddad", "Dana"],
        });
        expect(shared.text).not.toMatch(/Dana|Priya|Omar/);
        for (const l of parseDocket(shared.text).lines) {
          expect(l.kind === "item" && isPrivate(l.item)).toBe(false);
        }
      }),
    );
  });

  it("counts what stayed home", () => {
    const s = sharedDocket(
      parseDocket("call Dana with:Dana\nsecret private:1\n# comment\n\nlunch with Omar Haddad\n")
        .lines,
      { redact: true, people: ["Omar Haddad"] },
    );
    expect(s.text).toBe("call D. with:D.\nlunch with O.H.\n");
    expect([s.shared, s.privateItems, s.otherLines]).toEqual([2, 1, 2]);
  });
});
