import { describe, expect, it } from "vitest";
import { hashFor, hashView } from "./hash.js";

describe("view addresses in the hash", () => {
  it("splits the view from what it shows, and round-trips names with spaces", () => {
    expect(hashView("#person/dana.k")).toEqual({ view: "person", param: "dana.k" });
    expect(hashView("#board")).toEqual({ view: "board", param: "" });
    expect(hashView("")).toEqual({ view: "", param: "" });
    expect(hashView(hashFor("person", "Dana Kim"))).toEqual({ view: "person", param: "Dana Kim" });
    expect(hashView("#person/100%")).toEqual({ view: "person", param: "100%" });
    expect(hashFor("history")).toBe("#history");
  });
});
