import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildDemoDocket } from "../../core/demo/demo-docket.js";
import { runPpppt, tempDocket } from "../fake-io.js";

function setup(docket: string) {
  const { dir, env } = tempDocket(docket);
  return { dir, env: { ...env, PPPPT_TODAY: "2026-11-25" } };
}

describe("ppppt plan", () => {
  it("proposes practices for the starving category of the demo docket", async () => {
    const { env } = setup(buildDemoDocket({ today: "2026-11-25", seed: 1 }));
    const r = await runPpppt(["plan", "--role", "director", "--json"], env);
    const out = JSON.parse(r.stdout);
    expect(out.assessed).toBeNull();
    expect(out.proposals).toHaveLength(3);
    expect(out.proposals[0].category).toBe("public");
  });

  it("says which window the need came from, and takes --last", async () => {
    const { env } = setup(buildDemoDocket({ today: "2026-11-25", seed: 1 }));
    const json = JSON.parse((await runPpppt(["plan", "--json", "--last", "90d"], env)).stdout);
    expect(json.period).toMatchObject({ label: "last 90 days", start: "2026-08-28" });
    const text = await runPpppt(["plan"], env);
    expect(text.stdout).toContain("Category need over the last 28 days.");
  });

  it("ranks the practices answered no first", async () => {
    const { env } = setup("");
    await runPpppt(["assess", "--answer", "tech-roi-check=no"], env);
    const r = await runPpppt(["plan", "-n", "1", "--json"], env);
    expect(JSON.parse(r.stdout).proposals[0].id).toBe("tech-roi-check");
  });

  it("adds a practice's items to the docket, once", async () => {
    const { dir, env } = setup("");
    const r = await runPpppt(["plan", "--add", "public-status-as-story"], env);
    expect(r.code).toBe(0);
    const docket = readFileSync(join(dir, "todo.txt"), "utf8");
    expect(docket).toMatch(
      /^2026-11-25 Rewrite this week's status update as a story with one win, one risk and one ask cat:public est:1h rec:1w due:2026-12-02 practice:public-status-as-story id:\w+\n$/,
    );
    const again = await runPpppt(["plan", "--add", "public-status-as-story"], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already under way");
  });

  it("adds the proposed practices with --yes", async () => {
    const { dir, env } = setup("");
    const r = await runPpppt(["plan", "--yes", "-n", "2", "--json"], env);
    expect(JSON.parse(r.stdout).added.length).toBeGreaterThanOrEqual(2);
    expect(readFileSync(join(dir, "todo.txt"), "utf8")).toContain("practice:");
  });
});
