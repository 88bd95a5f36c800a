import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildDemoDocket } from "../../core/demo/demo-docket.js";
import { runPpppt } from "../fake-io.js";

describe("ppppt demo", () => {
  it("writes the demo docket for today to a new file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ppppt-demo-"));
    const file = join(dir, "sub", "todo.txt");
    const r = await runPpppt(["demo", "--today", "2026-11-25"], { PPPPT_FILE: file });
    expect(r.code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(buildDemoDocket({ today: "2026-11-25", seed: 1 }));
    expect(r.stdout).toContain("Try: ppppt balance --quarter");
  });

  it("names the file in what to try next when it was given with --file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ppppt demo-"));
    const file = join(dir, "demo.txt");
    const r = await runPpppt(["--file", file, "demo"], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Try: ppppt -f '${file}' balance --quarter`);
  });

  it("fills an empty docket but refuses one with items unless --force", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ppppt-demo-"));
    const file = join(dir, "todo.txt");
    writeFileSync(file, "\n");
    expect((await runPpppt(["demo"], { PPPPT_FILE: file })).code).toBe(0);
    writeFileSync(file, "My real item\n");
    const refused = await runPpppt(["demo"], { PPPPT_FILE: file });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("--force");
    expect(readFileSync(file, "utf8")).toBe("My real item\n");
    expect((await runPpppt(["demo", "--force", "--seed", "3"], { PPPPT_FILE: file })).code).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("ppppt demo docket");
  });
});
