import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ownerOfPath, parseMemberFile, printMemberFile, requireMemberName } from "./member.js";

describe("member files", () => {
  it("read back what they print", () => {
    const name = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,20}$/);
    const role = fc.constantFrom(
      "manager",
      "senior-manager",
      "director",
      "senior-director",
      "vp" as const,
    );
    fc.assert(
      fc.property(name, role, (n, r) => {
        const m = { name: n, role: r, joined: "2026-11-25" };
        expect(parseMemberFile(printMemberFile(m), "member.yaml")).toEqual(m);
      }),
    );
  });

  it("refuse a bad file with its key", () => {
    expect(() => parseMemberFile("name: dana\nrole: boss\njoined: 2026-11-25\n", "m.yaml")).toThrow(
      /role: "boss" is not a role/,
    );
  });

  it("names: path-safe only", () => {
    for (const bad of ["", "Dana", "../x", "a/b", "-rf", "x.", "a..b", "a b"]) {
      expect(() => requireMemberName(bad)).toThrow(/cannot be a member name/);
    }
    expect(requireMemberName("dana.reyes")).toBe("dana.reyes");
  });

  it("owners of repository paths", () => {
    expect(ownerOfPath("members/dana/docket.txt")).toBe("dana");
    expect(ownerOfPath("ppppt-team.yaml")).toBeUndefined();
    expect(ownerOfPath("members")).toBeUndefined();
  });
});
