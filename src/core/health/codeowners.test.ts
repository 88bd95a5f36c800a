import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ownersOf, parseCodeowners, testPath } from "./codeowners.js";

const FILE = `# comment
*            @everyone
/docs/       @docs
*.py         @python-team
src/api/**/test_*.py @api   # trailing comment
[Payments]
payments/    @pay
`;

describe("CODEOWNERS", () => {
  const rules = parseCodeowners(FILE);

  it("takes the last matching rule", () => {
    expect(ownersOf(rules, "README.md")).toEqual(["@everyone"]);
    expect(ownersOf(rules, "docs/a/b.md")).toEqual(["@docs"]);
    expect(ownersOf(rules, "lib/x/y.py")).toEqual(["@python-team"]);
    expect(ownersOf(rules, "src/api/v1/deep/test_users.py")).toEqual(["@api"]);
    expect(ownersOf(rules, "src/api/test_users.py")).toEqual(["@api"]);
    expect(ownersOf(rules, "x/payments/p.java")).toEqual(["@pay"]);
    expect(ownersOf(parseCodeowners("/docs/ @d"), "x/docs/a")).toEqual([]);
  });

  it("reads a class name as a path", () => {
    expect(testPath("", "com.acme.FooTest")).toBe("com/acme/FooTest");
    expect(ownersOf(parseCodeowners("com/acme/ @acme"), testPath("", "com.acme.FooTest"))).toEqual([
      "@acme",
    ]);
  });

  it("a literal pattern matches exactly that path and what is under it (property)", () => {
    const segment = fc.stringMatching(/^[a-z0-9_]{1,6}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), segment, (parts, extra) => {
        const path = parts.join("/");
        const r = parseCodeowners(`/${path} @o`);
        expect(ownersOf(r, path)).toEqual(["@o"]);
        expect(ownersOf(r, `${path}/${extra}`)).toEqual(["@o"]);
        expect(ownersOf(r, `${path}${extra}x`)).toEqual([]);
      }),
    );
  });
});
