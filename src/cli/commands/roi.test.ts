import { readFileSync } from "node:fs";
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ROI_FIXTURE } from "../../core/roi/roi-fixture.js";
import { fakeIO, runPpppt, tempDocket } from "../fake-io.js";
import { runCli } from "../main.js";

const TODAY = "2026-11-25";

function setup(docket = ROI_FIXTURE) {
  const { file, env } = tempDocket(docket);
  return { file, env: { ...env, PPPPT_TODAY: TODAY } };
}

/** The proposal line `roi add` wrote, with its id and creation date normalised. */
function addedLine(file: string): string {
  const lines = readFileSync(file, "utf8").trimEnd().split("\n");
  return (lines[lines.length - 1] as string).replace(/ id:[0-9a-z]+$/, " id:ID");
}

/**
 * Runs `ppppt ...args` as if in a terminal, answering each prompt in turn: waits until the
 * prompt's words appear, then types the keys, as a user at the keyboard would.
 */
async function runInTerminal(
  args: string[],
  env: Record<string, string>,
  answers: Array<{ when: string; keys: string }>,
): Promise<{ code: number; screen: string }> {
  const input = new PassThrough();
  let screen = "";
  let waiting: (() => void) | undefined;
  const output = new Writable({
    write(chunk, _encoding, done) {
      screen += chunk.toString();
      waiting?.();
      done();
    },
  });
  Object.assign(output, { columns: 100, rows: 40, isTTY: true });
  const io = {
    ...fakeIO(env),
    stdinIsTTY: true,
    stdoutIsTTY: true,
    promptStreams: { input, output },
  };
  const running = runCli(args, io);
  let seen = 0;
  for (const answer of answers) {
    while (screen.indexOf(answer.when, seen) < 0) {
      await new Promise<void>((resolve) => {
        waiting = resolve;
        setTimeout(resolve, 50);
      });
    }
    seen = screen.indexOf(answer.when, seen) + answer.when.length;
    input.write(answer.keys);
  }
  const code = await running;
  return { code, screen: screen + io.out.join("") + io.err.join("") };
}

describe("ppppt roi", () => {
  it("prints the ranked proposals with their flags and reasons", async () => {
    const { env } = setup();
    const r = await runPpppt(["roi"], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("7 open proposals, median RICE 50");
    expect(r.stdout).toMatch(/1 {2}ca01 {3}400 {2}500/);
    expect(r.stdout).toContain("sunk-cost: 6 weeks spent ≥ 4 weeks remaining");
    expect(r.stdout).toContain("Build our own queue: SQS does it for $5 a month");
  });

  it("--json gives { proposals } in rank order, with inputs, flags and reasons", async () => {
    const { env } = setup();
    const r = await runPpppt(["roi", "--json"], env);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(["proposals"]);
    expect(json.proposals.map((p: { id: string }) => p.id)).toEqual([
      "ca01",
      "de04",
      "ad05",
      "bi02",
      "me03",
      "ku06",
      "do10",
    ]);
    expect(json.proposals[3]).toMatchObject({
      id: "bi02",
      title: "Rewrite billing in Rust",
      rank: 4,
      rice: 25,
      cd3: null,
      reach: 200,
      impact: 1,
      confidence: 50,
      effort: 4,
      spent: 6,
      flags: ["sunk-cost"],
    });
    expect(json.proposals[3].reasons["sunk-cost"]).toContain("25 < portfolio median 50");
    expect(json.proposals[0].flags).toEqual([]);
  });

  it("--md gives a table and the flags for a doc", async () => {
    const { env } = setup();
    const r = await runPpppt(["roi", "--md"], env);
    expect(r.stdout).toContain(
      "| 5 | me03 | Our own service mesh | 10 | - | 12w | - | over-engineering |",
    );
    expect(r.stdout).toContain("## What we stopped");
  });

  it("--stopped lists the stopped proposals", async () => {
    const { env } = setup();
    const r = await runPpppt(["roi", "--stopped", "--json"], env);
    expect(JSON.parse(r.stdout).stopped[0]).toMatchObject({
      id: "qu07",
      why: "SQS does it for $5 a month",
    });
  });
});

describe("ppppt roi add", () => {
  const flags = ["--reach", "500", "--impact", "2", "--confidence", "80", "--effort", "4"];

  it("adds a proposal from flags and shows its score", async () => {
    const { file, env } = setup("");
    const r = await runPpppt(
      [
        "roi",
        "add",
        "Cache the search results",
        ...flags,
        "--spent",
        "1",
        "--kill",
        "stop if hit rate < 50%",
        "--review",
        "2027-02-01",
      ],
      env,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("RICE 200: rank 1 of 1");
    expect(addedLine(file)).toBe(
      "2026-11-25 Cache the search results roi:proposal roi-reach:500 roi-impact:2 roi-confidence:80 roi-effort:4 roi-spent:1 roi-kill:stop_if_hit_rate_<_50%25 roi-review:2027-02-01 cat:tech id:ID",
    );
  });

  it("asks in a terminal only for what the flags left out, and gives the same proposal", async () => {
    const byFlags = setup("");
    await runPpppt(["roi", "add", "Cache the search results", ...flags], byFlags.env);
    const byPrompts = setup("");
    const r = await runInTerminal(
      ["roi", "add", "Cache the search results", "--confidence", "80%"],
      byPrompts.env,
      [
        { when: "Reach", keys: "500\r" },
        // The impact list starts on 1 (medium); one step up is 2 (high).
        { when: "Impact", keys: "\x1b[A\r" },
        { when: "Remaining effort", keys: "-4\r" },
        { when: "remaining effort -4 is negative", keys: "\x7f\x7f4\r" },
      ],
    );
    expect(r.code).toBe(0);
    expect(r.screen).not.toContain("Confidence (");
    expect(addedLine(byPrompts.file)).toBe(addedLine(byFlags.file));
    expect(addedLine(byPrompts.file)).toBe(
      "2026-11-25 Cache the search results roi:proposal roi-reach:500 roi-impact:2 roi-confidence:80 roi-effort:4 cat:tech id:ID",
    );
  });

  it("writes nothing when the prompts are cancelled", async () => {
    const { file, env } = setup("");
    const r = await runInTerminal(["roi", "add", "X"], env, [{ when: "Reach", keys: "\x03" }]);
    expect(r.code).toBe(0);
    expect(r.screen).toContain("nothing saved");
    expect(readFileSync(file, "utf8")).toBe("");
  });

  it("never asks without a terminal: it adds what it was given and says what is missing", async () => {
    const { file, env } = setup("");
    const r = await runPpppt(["roi", "add", "Move to Kubernetes", "--effort", "10"], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("missing-inputs: needs reach, impact, confidence");
    expect(addedLine(file)).toBe(
      "2026-11-25 Move to Kubernetes roi:proposal roi-effort:10 cat:tech id:ID",
    );
  });

  it("refuses bad input with one message, exit 1, and changes nothing", async () => {
    const { file, env } = setup();
    const cases: Array<[string[], string]> = [
      [["--effort", "-2"], "remaining effort -2 is negative"],
      [["--confidence", "120"], "confidence 120 is over 100"],
      [["--impact", "5"], "impact 5 is not on the RICE scale"],
      [["--kill", "no users", "--review", "someday"], '"someday" is not a review date'],
      [["--kill", "no users"], "a kill criterion needs a review date"],
    ];
    for (const [args, message] of cases) {
      const r = await runPpppt(["roi", "add", "X", ...args], env);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr.split("\n")[0]).toContain(message);
      expect(r.stderr).not.toMatch(/at .*\.ts/);
    }
    expect(readFileSync(file, "utf8")).toBe(ROI_FIXTURE);
  });

  it("exits 2 when a number does not parse", async () => {
    const { file, env } = setup();
    const r = await runPpppt(["roi", "add", "X", "--effort", "four"], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"four" is not a number');
    expect(readFileSync(file, "utf8")).toBe(ROI_FIXTURE);
  });
});

describe("ppppt roi set, stop, rm", () => {
  it("set changes inputs and reports the new score", async () => {
    const { file, env } = setup();
    const r = await runPpppt(
      ["roi", "set", "bi02", "--effort", "1", "--unset", "spent", "--json"],
      env,
    );
    expect(r.code).toBe(0);
    // 200 × 1 × 0.5 / 1 = 100: third, behind 400 and 200.
    expect(JSON.parse(r.stdout)).toMatchObject({
      id: "bi02",
      rice: 100,
      rank: 3,
      spent: null,
      flags: [],
    });
    expect(readFileSync(file, "utf8")).toContain(
      "Rewrite billing in Rust cat:tech roi:proposal roi-reach:200 roi-impact:1 roi-confidence:50 roi-effort:1 id:bi02\n",
    );
  });

  it("set --met makes the kill criterion due", async () => {
    const { env } = setup();
    const r = await runPpppt(
      ["roi", "set", "ca01", "--kill", "hit rate under 50%", "--review", "2027-02-01", "--met"],
      env,
    );
    expect(r.stdout).toContain('kill-due: kill criterion met on 2026-11-25: "hit rate under 50%"');
  });

  it("set refuses an unknown id, a bad value, an unknown field and nothing to do", async () => {
    const { file, env } = setup();
    for (const [args, message] of [
      [["zzzz", "--effort", "1"], 'no item has the id "zzzz"'],
      [["ca01", "--confidence", "101"], "confidence 101 is over 100"],
      [["ca01", "--unset", "colour"], "--unset colour: no such input"],
      [["ca01"], "nothing to change"],
    ] as Array<[string[], string]>) {
      const r = await runPpppt(["roi", "set", ...args], env);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr).toContain(message);
    }
    expect(readFileSync(file, "utf8")).toBe(ROI_FIXTURE);
  });

  it("stop keeps the proposal, marked stopped with the reason and the date", async () => {
    const { file, env } = setup();
    const r = await runPpppt(
      ["roi", "stop", "bi02", "--why", "no customer asked for Rust", "--json"],
      env,
    );
    expect(JSON.parse(r.stdout)).toEqual({
      id: "bi02",
      title: "Rewrite billing in Rust",
      line: 3,
      stopped: TODAY,
      why: "no customer asked for Rust",
      effort: 4,
      spent: 6,
    });
    expect(readFileSync(file, "utf8")).toContain(
      "x 2026-11-25 2026-09-01 Rewrite billing in Rust cat:tech roi:proposal roi-reach:200 roi-impact:1 roi-confidence:50 roi-effort:4 roi-spent:6 id:bi02 roi-stopped:2026-11-25 roi-why:no_customer_asked_for_Rust\n",
    );
    const list = JSON.parse((await runPpppt(["roi", "--json"], env)).stdout);
    expect(list.proposals.some((p: { id: string }) => p.id === "bi02")).toBe(false);
    const again = await runPpppt(["roi", "stop", "bi02", "--why", "x"], env);
    expect(again.code).toBe(1);
    const noWhy = await runPpppt(["roi", "stop", "ca01"], env);
    expect(noWhy.code).toBe(2);
  });

  it("rm deletes a proposal and nothing else; an unknown id changes nothing", async () => {
    const { file, env } = setup();
    const r = await runPpppt(["roi", "rm", "ku06"], env);
    expect(r.stdout).toContain("Removed ku06: 2026-11-20 Move to Kubernetes");
    const after = readFileSync(file, "utf8");
    expect(after).toBe(ROI_FIXTURE.replace(/^.*id:ku06\n/m, ""));
    const bad = await runPpppt(["roi", "rm", "zzzz"], env);
    expect(bad.code).toBe(1);
    const notOne = await runPpppt(["roi", "rm", "bu09"], env);
    expect(notOne.code).toBe(1);
    expect(notOne.stderr).toContain("item bu09 is not a proposal");
    expect(readFileSync(file, "utf8")).toBe(after);
  });
});
