import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PpppptError } from "../core/errors.js";
import { lensSettingsOf, readConfigFile } from "./config-file.js";
import { parseConfig } from "./config-schema.js";

function fails(text: string): PpppptError {
  try {
    parseConfig(text, "/home/me/.config/ppppt/config.yaml");
  } catch (error) {
    if (error instanceof PpppptError) return error;
    throw error;
  }
  throw new Error("expected the config to be refused");
}

describe("the config file", () => {
  it("is optional: a missing file gives the defaults", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ppppt-config-"));
    const config = await readConfigFile({ PPPPT_CONFIG: join(dir, "config.yaml") });
    expect(config.exists).toBe(false);
    const s = lensSettingsOf(config);
    expect(s.target.role).toBe("manager");
    expect(s.starvingWeeks).toBe(3);
    expect(s.next.weights).toEqual({ due: 12, priority: 6, age: 2, category: 4 });
  });

  it("sets the role, a mix override, the starving threshold and next's weights", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ppppt-config-"));
    const path = join(dir, "config.yaml");
    writeFileSync(
      path,
      [
        "role: Senior Director",
        "mixes:",
        "  senior-director: { people: 30, public: 10 }",
        "starving:",
        "  weeks: 4",
        "next:",
        "  weights: { category: 8 }",
        "  ageMaxDays: 30",
        "classifier: { threshold: 0.7 }",
        "",
      ].join("\n"),
    );
    const s = lensSettingsOf(await readConfigFile({ PPPPT_CONFIG: path }));
    expect(s.target).toEqual({
      role: "senior-director",
      mix: { people: 30, product: 25, process: 20, public: 10, tech: 15 },
    });
    expect(s.starvingWeeks).toBe(4);
    expect(s.next.weights).toEqual({ due: 12, priority: 6, age: 2, category: 8 });
    expect(s.next.ageMaxDays).toBe(30);
  });

  it("lets a --role flag win over the file", () => {
    const config = parseConfig("role: vp\n", "c.yaml");
    expect(lensSettingsOf(config, "manager").target.role).toBe("manager");
  });

  it("names the file, line and key of an unknown role", () => {
    const e = fails("# my config\nrole: cto\n");
    expect(e.file).toBe("/home/me/.config/ppppt/config.yaml");
    expect(e.line).toBe(2);
    expect(e.message).toBe(
      'role: "cto" is not a role (manager, senior-manager, director, senior-director, vp)',
    );
  });

  it("refuses a mix that does not add up to 100, naming the role", () => {
    const e = fails("mixes:\n  director:\n    people: 60\n");
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/^mixes\.director: the mix adds up to 130%/);
  });

  it("refuses a misspelt key inside a section it owns", () => {
    const e = fails("next:\n  weights:\n    urgency: 3\n");
    expect(e.message).toBe("next.weights.urgency: unknown key");
    expect(e.line).toBe(3);
  });

  it("refuses a negative weight and broken YAML", () => {
    expect(fails("next:\n  weights:\n    due: -1\n").message).toMatch(/^next\.weights\.due: /);
    const broken = fails("role: [vp\n");
    expect(broken.message).toMatch(/not valid YAML/);
  });
});
