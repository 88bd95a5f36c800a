import { describe, expect, it } from "vitest";
import { fnv1a, fnv1aBytes } from "./fnv1a.js";

describe("fnv1a", () => {
  it("is 32-bit FNV-1a (the published test vectors)", () => {
    expect(fnv1a("") >>> 0).toBe(0x811c9dc5);
    expect(fnv1a("a") >>> 0).toBe(0xe40c292c);
    expect(fnv1a("foobar") >>> 0).toBe(0xbf9cf968);
  });

  it("hashes ASCII bytes as it hashes the string they spell", () => {
    const bytes = new TextEncoder().encode("xx foobar yy");
    expect(fnv1aBytes(bytes, 3, 9)).toBe(fnv1a("foobar"));
    expect(fnv1aBytes(bytes, 4, 4)).toBe(fnv1a(""));
  });
});
