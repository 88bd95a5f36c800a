import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeIO, runPpppt, tempDocket } from "../fake-io.js";
import type { Choose } from "../io.js";
import { runCli } from "../main.js";

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

/** Answers the terminal's questions from a script; `undefined` in it is Ctrl-C. */
function scripted(answers: (string | undefined)[]) {
  const asked: string[] = [];
  const choose: Choose = async (q) => {
    asked.push(q.message);
    return answers.shift();
  };
  return { asked, choose };
}

async function assessInTerminal(env: Record<string, string>, choose: Choose, args: string[] = []) {
  const io = { ...fakeIO(env), stdoutIsTTY: true, stdinIsTTY: true, choose };
  const code = await runCli(["assess", "--cat", "tech", ...args], io);
  return { code, stdout: io.out.join(""), stderr: io.err.join("") };
}

describe("ppppt assess, stopped half-way", () => {
  it("keeps every answer given before Ctrl-C, and the next run goes on from there", async () => {
    const { dir, env } = setup();
    const all = await runPpppt(["playbook", "tech", "--role", "manager", "--json"], env);
    const ids = (JSON.parse(all.stdout) as { id: string }[]).map((p) => p.id);
    expect(ids.length).toBeGreaterThanOrEqual(7);

    const first = scripted(["yes", "no", "partly", "yes", "no", undefined]);
    const stopped = await assessInTerminal(env, first.choose);
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toMatch(/Stopped: 5 answers saved, \d+ questions to go/);
    const saved = JSON.parse(readFileSync(join(dir, "assessment.json"), "utf8"));
    expect(saved.answers).toEqual({
      [ids[0] as string]: "yes",
      [ids[1] as string]: "no",
      [ids[2] as string]: "partly",
      [ids[3] as string]: "yes",
      [ids[4] as string]: "no",
    });
    expect(saved.unfinished.remaining).toEqual(ids.slice(5));

    const rest = ids.slice(5).map(() => "yes");
    const second = scripted(rest);
    const resumed = await assessInTerminal(env, second.choose);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(
      `Resuming the self-assessment: 5 of ${ids.length} answered, ${ids.length - 5} question`,
    );
    expect(second.asked).toHaveLength(ids.length - 5);
    const done = JSON.parse(readFileSync(join(dir, "assessment.json"), "utf8"));
    expect(Object.keys(done.answers).sort()).toEqual([...ids].sort());
    expect(done.answers[ids[1] as string]).toBe("no");
    expect(done.unfinished).toBeUndefined();
    expect(resumed.stdout).toMatch(/Saved \d+ answers? to/);

    // A round that ended starts again from the first question.
    const third = scripted([undefined]);
    await assessInTerminal(env, third.choose);
    expect(third.asked).toEqual([first.asked[0]]);
  });

  it("takes answers piped in, one per line, and resumes after the input runs out", async () => {
    const { dir, env } = setup();
    const r = await runPpppt(["assess", "--cat", "tech"], env, "yes\npartly\n");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Stopped: 2 answers saved/);
    const again = await runPpppt(["assess", "--cat", "tech"], env, "no\n");
    expect(again.stdout).toMatch(/Resuming the self-assessment: 2 of \d+ answered/);
    const saved = JSON.parse(readFileSync(join(dir, "assessment.json"), "utf8"));
    expect(Object.values(saved.answers)).toEqual(["yes", "partly", "no"]);
    const bad = await runPpppt(["assess", "--cat", "tech"], env, "maybe\n");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/"maybe" is not yes, partly or no/);
  });
});
