import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
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

  it("--write keeps the notes the user wrote in that day's note and updates only its part", async () => {
    const { dir, env } = setup("x 2026-11-24 1:1 with Dana cat:people id:d001\n");
    const note = join(dir, "reviews", "2026-11-25.md");
    await runPpppt(["review", "--write", "--today", "2026-11-25"], env);
    const first = readFileSync(note, "utf8");
    expect(first).toMatch(/^<!-- ppppt:begin -->\n# Weekly review/);
    // The user writes above and below the generated part, then more work gets done.
    writeFileSync(note, `Morning thoughts.\n\n${first}Dana: ask about the offsite.\n`);
    writeFileSync(
      join(dir, "todo.txt"),
      "x 2026-11-24 1:1 with Dana cat:people id:d001\nx 2026-11-25 Blog post cat:public id:d002\n",
    );
    const again = await runPpppt(["review", "--write", "--today", "2026-11-25"], env);
    expect(again.stdout.trim()).toBe(`Updated the review in ${note}`);
    const text = readFileSync(note, "utf8");
    expect(text.startsWith("Morning thoughts.\n\n<!-- ppppt:begin -->\n")).toBe(true);
    expect(text.endsWith("<!-- ppppt:end -->\n\n## Notes\n\nDana: ask about the offsite.\n")).toBe(
      true,
    );
    expect(text).toContain("- Blog post");
    expect(text.match(/# Weekly review/g)).toHaveLength(1);
  });

  it("--write keeps a note written by hand (no markers) whole and appends the review", async () => {
    const { dir, env } = setup("x 2026-11-24 1:1 with Dana cat:people id:d001\n");
    const note = join(dir, "reviews", "2026-11-25.md");
    mkdirSync(join(dir, "reviews"));
    writeFileSync(note, "# My own review\n\nA hard week.");
    const r = await runPpppt(["review", "--write", "--today", "2026-11-25"], env);
    expect(r.stdout.trim()).toBe(`Kept your text and added the review at the end of ${note}`);
    const text = readFileSync(note, "utf8");
    expect(text.startsWith("# My own review\n\nA hard week.\n\n<!-- ppppt:begin -->\n")).toBe(true);
  });

  it("--write refuses a note whose markers are broken, and changes nothing", async () => {
    const { dir, env } = setup("");
    const note = join(dir, "reviews", "2026-11-25.md");
    mkdirSync(join(dir, "reviews"));
    const broken = "<!-- ppppt:begin -->\nmy notes, end marker deleted\n";
    writeFileSync(note, broken);
    const r = await runPpppt(["review", "--write", "--today", "2026-11-25"], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${note}: the note's <!-- ppppt:begin --> and <!-- ppppt:end --> markers`,
    );
    expect(readFileSync(note, "utf8")).toBe(broken);
    expect(existsSync(join(dir, "reviews", "due-snapshot.json"))).toBe(false);
  });

  it("--last reviews a longer stretch and says which", async () => {
    const { env } = setup("x 2026-11-01 Ops review cat:process id:d001\n");
    const week = JSON.parse(
      (await runPpppt(["review", "--json", "--today", "2026-11-25"], env)).stdout,
    );
    expect(week.period).toMatchObject({ label: "last 7 days", start: "2026-11-19" });
    expect(week.balance.total).toBe(0);
    const r = await runPpppt(["review", "--last", "30d", "--md", "--today", "2026-11-25"], env);
    expect(r.stdout).toContain("# Review, 2026-10-27 to 2026-11-25");
    expect(r.stdout).toContain("Period: the last 30 days.");
    expect(r.stdout).toContain("- Ops review");
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
