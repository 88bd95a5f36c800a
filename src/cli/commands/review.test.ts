import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildDemoDocket } from "../../core/demo/demo-docket.js";
import { runPpppt, tempDocket } from "../fake-io.js";

function setup(docket: string) {
  return tempDocket(docket);
}

describe("ppppt review", () => {
  it("prints the week's review and, with --write, saves it as a dated note", async () => {
    const { dir, env } = setup(buildDemoDocket({ today: "2026-11-25", seed: 1 }));
    const shown = await runPpppt(["review", "--today", "2026-11-25", "--role", "director"], env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain("# Weekly review, 2026-11-19 to 2026-11-25");
    expect(shown.stdout).toContain("Focus: Public: nothing done for 50 days.");
    expect(existsSync(join(dir, "reviews"))).toBe(false);

    const written = await runPpppt(["review", "--write", "--today", "2026-11-25"], env);
    const note = join(dir, "reviews", "2026-11-25.md");
    expect(written.stdout.trim()).toBe(`Saved ${note}`);
    expect(readFileSync(note, "utf8")).toContain("## Slipped");
  });

  it("lists items pushed since the last written review", async () => {
    const { dir, env } = setup("Plan the offsite cat:people due:2026-11-27 id:plan\n");
    await runPpppt(["review", "--write", "--today", "2026-11-20"], env);
    writeFileSync(join(dir, "todo.txt"), "Plan the offsite cat:people due:2026-12-04 id:plan\n");
    const r = await runPpppt(["review", "--json", "--today", "2026-11-25"], env);
    const review = JSON.parse(r.stdout);
    expect(review.pushed).toEqual([
      expect.objectContaining({ from: "2026-11-27", to: "2026-12-04" }),
    ]);
  });

  it("works on an empty docket", async () => {
    const { env } = setup("");
    const r = await runPpppt(["review", "--today", "2026-11-25"], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Nothing marked done in the last 7 days.");
    expect(r.stdout).toContain("Practice to take up:");
  });
});
