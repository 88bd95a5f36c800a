import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_THEME, parseDeckTheme } from "./theme.js";

describe("parseDeckTheme", () => {
  it("keeps the default for every key left out", () => {
    expect(parseDeckTheme("", "deck-theme.yaml")).toEqual(DEFAULT_THEME);
    const t = parseDeckTheme(
      "colors:\n  accent: '#ff8800'\nfonts:\n  heading: Georgia\n",
      "t.yaml",
    );
    expect(t.colors.accent).toBe("FF8800");
    expect(t.colors.text).toBe(DEFAULT_THEME.colors.text);
    expect(t.fonts).toEqual({ heading: "Georgia", body: "Arial" });
  });

  it("names the file, line and key of a bad value", () => {
    expect(() => parseDeckTheme("colors:\n  accent: blue\n", "/c/deck-theme.yaml")).toThrow(
      /colors\.accent: a colour is six hex digits/,
    );
    expect(() => parseDeckTheme("sizes:\n  body: 10\n", "t.yaml")).toThrow(/sizes\.body/);
    expect(() => parseDeckTheme("colours: {}\n", "t.yaml")).toThrow(/colours: unknown key/);
  });

  it("reads back any colours it is given (property)", () => {
    const hex = fc.stringMatching(/^[0-9a-fA-F]{6}$/);
    fc.assert(
      fc.property(hex, hex, fc.boolean(), (accent, text, hash) => {
        const yaml = `colors:\n  accent: "${hash ? "#" : ""}${accent}"\n  text: "${text}"\n`;
        const t = parseDeckTheme(yaml, "t.yaml");
        expect(t.colors.accent).toBe(accent.toUpperCase());
        expect(t.colors.text).toBe(text.toUpperCase());
      }),
    );
  });
});
