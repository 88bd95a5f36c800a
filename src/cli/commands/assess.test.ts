import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPpppt, tempDocket } from "../fake-io.js";

function setup() {
  const { dir, env } = tempDocket();
  return { dir, env: { ...env, PPPPT_TODAY: "2026-11-25" } };
}

describe("ppppt assess", () => {
  it("takes answers from a file and flags, and saves them beside the docket", async () => {
    const { dir, env } = setup();
    writeFileSync(
      join(dir, "answers.yaml"),
      "answers:\n  public-talk: no\n  public-blog-post: partly\n",
    );
    const r = await runPpppt(
      [
        "assess",
        "--answers",
        join(dir, "answers.yaml"),
        "--answer",
        "tech-roi-check=yes",
        "--json",
      ],
      env,
    );
    expect(r.code).toBe(0);
    const saved = JSON.parse(readFileSync(join(dir, "assessment.json"), "utf8"));
    expect(saved).toEqual({
      date: "2026-11-25",
      role: "manager",
      answers: { "public-talk": "no", "public-blog-post": "partly", "tech-roi-check": "yes" },
    });
    const out = JSON.parse(r.stdout);
    expect(out.scores.find((s: { category: string }) => s.category === "public").score).toBe(25);
  });

  it("keeps earlier answers when adding new ones", async () => {
    const { dir, env } = setup();
    await runPpppt(["assess", "--answer", "public-talk=no"], env);
    const r = await runPpppt(["assess", "--answer", "tech-roi-check=partly"], env);
    expect(r.stdout).toContain("Saved 1 answer to");
    const saved = JSON.parse(readFileSync(join(dir, "assessment.json"), "utf8"));
    expect(Object.keys(saved.answers)).toEqual(["public-talk", "tech-roi-check"]);
  });

  it("refuses to ask without a terminal, and names a bad answer", async () => {
    const { env } = setup();
    const r = await runPpppt(["assess"], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("--answers FILE");
    const bad = await runPpppt(["assess", "--answer", "public-talk=maybe"], env);
    expect(bad.code).toBe(1);
  });
});
