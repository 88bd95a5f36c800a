/**
 * `ppppt team balance --json` over a team of 50 dockets of 2,000 items each, as a whole-process
 * ratio to `ppppt balance --json` on one docket of the same 100,000 items, the two run
 * alternately in the same run. The team's clone is a real git repository (one commit per
 * member, as sync makes them), so the figure includes reading 50 member files, 50 dockets and
 * one pass over the git log for the last sync times.
 * PPPPT_BENCH_TEAM=5x200 runs a small team while working on it.
 * Target: within 1.5× of `balance` on the same total size.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateDocket } from "./generate-docket.js";
import { fmt, machine, printTable, timeAgainstFloor, verdict } from "./measure.js";

const [MEMBERS, ITEMS] = (process.env.PPPPT_BENCH_TEAM ?? "50x2000").split("x").map(Number) as [
  number,
  number,
];
const TARGET_RATIO = 1.5;
const TODAY = "2026-11-25";
const root = fileURLToPath(new URL("..", import.meta.url));
const ppppt = join(root, "bin", "ppppt.cjs");
const work = mkdtempSync(join(tmpdir(), "ppppt-bench-team-"));

process.stdout.write(`team balance — ${machine()}\n`);
try {
  const data = join(work, "data");
  const clone = join(data, "ppppt", "team");
  mkdirSync(clone, { recursive: true });
  const gitEnv = {
    ...process.env,
    GIT_AUTHOR_NAME: "bench",
    GIT_AUTHOR_EMAIL: "bench@example.com",
    GIT_COMMITTER_NAME: "bench",
    GIT_COMMITTER_EMAIL: "bench@example.com",
  };
  const git = (...args: string[]) => execFileSync("git", args, { cwd: clone, env: gitEnv });
  git("init", "--quiet", "--initial-branch=main");
  writeFileSync(join(clone, "ppppt-team.yaml"), "ppppt: team\nformat: 1\n");
  git("add", "ppppt-team.yaml");
  git("commit", "--quiet", "-m", "A ppppt team");
  const roles = ["manager", "senior-manager", "director"];
  const whole: string[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const name = `m${String(i).padStart(2, "0")}`;
    const text = generateDocket(ITEMS, { seed: i + 1, today: TODAY }).text;
    whole.push(text.endsWith("\n") ? text : `${text}\n`);
    mkdirSync(join(clone, "members", name), { recursive: true });
    writeFileSync(
      join(clone, "members", name, "member.yaml"),
      `name: "${name}"\nrole: ${roles[i % roles.length]}\njoined: "${TODAY}"\n`,
    );
    writeFileSync(join(clone, "members", name, "docket.txt"), text);
    git("add", "members");
    git("commit", "--quiet", "-m", `${name}: docket synced`, "-m", `Ppppt-Member: ${name}`);
  }
  git("config", "ppppt.member", "m00");
  const one = join(work, "one.txt");
  writeFileSync(one, whole.join(""));
  const env = {
    ...process.env,
    HOME: work,
    XDG_DATA_HOME: data,
    XDG_CONFIG_HOME: join(work, "config"),
    PPPPT_CACHE: join(work, "cache"),
    PPPPT_TODAY: TODAY,
    NO_COLOR: "1",
  };
  const team = {
    command: process.execPath,
    args: [ppppt, "team", "balance", "--json"],
    options: { env },
  };
  const single = {
    command: process.execPath,
    args: [ppppt, "balance", "--json"],
    options: { env: { ...env, PPPPT_FILE: one } },
  };
  const paired = timeAgainstFloor(team, single);
  printTable([
    ["team", "items", "team balance", "balance (one docket)", "ratio", "runs"],
    [
      `${MEMBERS} × ${fmt.count(ITEMS)}`,
      fmt.count(MEMBERS * ITEMS),
      fmt.ms(paired.ms),
      fmt.ms(paired.floorMs),
      fmt.ratio(paired.ratio),
      String(paired.runs),
    ],
  ]);
  process.stdout.write(
    "ratio: whole-process wall time of `team balance --json` over `balance --json` on one docket\n" +
      "holding all the team's items, run alternately (median of per-run ratios; lower is faster).\n",
  );
  verdict(
    `team balance within ${TARGET_RATIO}× of balance on the same total size`,
    paired.ratio <= TARGET_RATIO,
    `${fmt.ratio(paired.ratio)}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
