import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../category.js";
import { PpppptError } from "../errors.js";
import { DEFAULT_MIXES, parseRole, ROLE_REASONS, ROLES, targetMix } from "./roles.js";

describe("default target mixes", () => {
  it.each(ROLES)("the %s mix adds up to 100 and has a reason", (role) => {
    const mix = DEFAULT_MIXES[role];
    expect(CATEGORIES.reduce((s, c) => s + mix[c], 0)).toBe(100);
    expect(ROLE_REASONS[role].length).toBeGreaterThan(40);
  });

  it("moves weight from hands-on tech to product and public as the scope widens", () => {
    expect(DEFAULT_MIXES.manager.tech).toBeGreaterThan(DEFAULT_MIXES.vp.tech);
    expect(DEFAULT_MIXES.vp.product).toBeGreaterThan(DEFAULT_MIXES.manager.product);
    expect(DEFAULT_MIXES.vp.public).toBeGreaterThan(DEFAULT_MIXES.manager.public);
  });
});

describe("parseRole", () => {
  it("reads any case, spaces and the sr- short form", () => {
    expect(parseRole("VP")).toBe("vp");
    expect(parseRole("Senior Director")).toBe("senior-director");
    expect(parseRole("sr-manager")).toBe("senior-manager");
    expect(parseRole("cto")).toBeUndefined();
  });
});

describe("targetMix", () => {
  it("lays a partial override over the default", () => {
    const mix = targetMix("director", { people: 25, public: 15 });
    expect(mix).toEqual({ people: 25, product: 25, process: 20, public: 15, tech: 15 });
  });

  it("refuses an override that does not add up to 100", () => {
    expect(() => targetMix("manager", { people: 50 })).toThrow(PpppptError);
    expect(() => targetMix("manager", { people: 50 })).toThrow(/115%/);
  });
});
