/**
 * Whole-process wall time of `ppppt deck` (the .pptx, and --md) on the demo docket, as a ratio
 * to `node -e 0` and to `ppppt balance --json` on the same docket, both measured in the same
 * run: the deck reads what balance reads and adds the story, pptxgenjs and the zip. Target
 * (issue #18): under a second on the demo docket. PPPPT_BENCH_RUNS sets the runs (default 9).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildDemoDocket } from "../src/core/demo/demo-docket.js";
import { type Command, fmt, machine, printTable, timeAgainstFloor, verdict } from "./measure.js";

const TODAY = "2026-11-25";
const TARGET_MS = 1000;
const RUNS = Number(process.env.PPPPT_BENCH_RUNS ?? 9);
const root = fileURLToPath(new URL("..", import.meta.url));
const ppppt = join(root, "bin", "ppppt.cjs");
const node = process.execPath;
const work = mkdtempSync(join(tmpdir(), "ppppt-bench-deck-"));

process.stdout.write(`ppppt deck on the demo docket — ${machine()}\n`);
try {
  const file = join(work, "todo.txt");
  writeFileSync(file, buildDemoDocket({ today: TODAY, seed: 1 }));
  writeFileSync(join(work, "config.yaml"), "role: director\n");
  const env = {
    ...process.env,
    NO_COLOR: "1",
    PPPPT_TODAY: TODAY,
    PPPPT_FILE: file,
    PPPPT_CONFIG: join(work, "config.yaml"),
    PPPPT_CACHE: join(work, "cache"),
  };
  const run = (args: string[]): Command => ({
    command: node,
    args: [ppppt, ...args],
    options: { env, cwd: work },
  });
  const floor: Command = { command: node, args: ["-e", "0"] };
  const balance = run(["balance", "--json"]);
  const rows = [
    { label: "ppppt balance --json", ...timeAgainstFloor(balance, floor, RUNS) },
    {
      label: "ppppt deck (.pptx)",
      ...timeAgainstFloor(run(["deck", "--out", "d.pptx"]), floor, RUNS),
    },
    {
      label: "ppppt deck --md",
      ...timeAgainstFloor(run(["deck", "--md", "--out", "d.md"]), floor, RUNS),
    },
  ];
  const overBalance = timeAgainstFloor(run(["deck", "--out", "d.pptx"]), balance, RUNS);
  printTable([
    ["command", "median", "node -e 0", "ratio", "runs"],
    ...rows.map((r) => [
      r.label,
      fmt.ms(r.ms),
      fmt.ms(r.floorMs),
      fmt.ratio(r.ratio),
      String(r.runs),
    ]),
  ]);
  process.stdout.write(
    `ppppt deck / ppppt balance --json: ${fmt.ratio(overBalance.ratio)} (${fmt.ms(overBalance.ms)} against ${fmt.ms(overBalance.floorMs)})\n`,
  );
  const pptx = rows[1] as (typeof rows)[number];
  verdict(
    `ppppt deck under ${TARGET_MS} ms on the demo docket`,
    pptx.ms < TARGET_MS,
    fmt.ms(pptx.ms),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
