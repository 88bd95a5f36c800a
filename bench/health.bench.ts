/**
 * Engineering health at scale: a synthetic CI history (HEALTH_BENCH_RUNS runs x
 * HEALTH_BENCH_TESTS tests, one JUnit file per run; the full size is 5000 x 2000 = 10M
 * results) ingested by the built `ppppt health ingest`, against
 *   - the parse floor: a bare saxes pass over the same files, single-threaded, in this process
 *     (target: ingest on all cores at least 1.5x that MB/s);
 *   - Debian's python3-junitparser reading the same files, where installed (target: 5x);
 * then `ppppt health flaky` and `ppppt slo` on the result, each as a ratio to a whole process
 * doing a plain count(*) over the results table, with absolute times and peak memory.
 *   HEALTH_BENCH_RUNS=20 HEALTH_BENCH_TESTS=200 npm run bench -- health   (a small run)
 */
import { spawnSync } from "node:child_process";
import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SaxesParser } from "saxes";
import { seededRandom } from "../src/core/seeded-random.js";
import { fmt, machine, median, printTable, verdict } from "./measure.js";

const RUNS = Number(process.env.HEALTH_BENCH_RUNS ?? 5000);
const TESTS = Number(process.env.HEALTH_BENCH_TESTS ?? 2000);
const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin", "ppppt.cjs");

function generate(dir: string): number {
  const random = seededRandom(16);
  let bytes = 0;
  const start = Date.parse("2026-10-01T00:00:00Z");
  for (let r = 0; r < RUNS; r++) {
    const time = new Date(start + r * 10 * 60e3).toISOString();
    const parts = [
      `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n<testsuite name="suite" timestamp="${time}">\n`,
    ];
    for (let t = 0; t < TESTS; t++) {
      // 1% of tests are flaky (fail 10% of runs, then pass on a retry); 0.2% broken lately.
      const flaky = t % 100 === 7 && random() < 0.1;
      const broken = t % 500 === 3 && r > RUNS * 0.9;
      const seconds = (random() * 2).toFixed(3);
      const attrs = `classname="com.acme.pkg${t % 40}.Test${t}" name="case${t}" time="${seconds}"`;
      if (flaky)
        parts.push(`<testcase ${attrs}><failure message="boom">stack</failure></testcase>\n`);
      parts.push(
        broken
          ? `<testcase ${attrs}><failure message="broken"/></testcase>\n`
          : `<testcase ${attrs}/>\n`,
      );
    }
    parts.push("</testsuite>\n</testsuites>\n");
    const text = parts.join("");
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, `run ${String(r).padStart(5, "0")}.xml`), text);
  }
  return bytes;
}

function saxesFloorMs(dir: string): number {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const startAt = process.hrtime.bigint();
    let n = 0;
    for (const f of readdirSync(dir)) {
      const p = new SaxesParser();
      p.on("opentag", () => n++);
      p.write(readFileSync(join(dir, f), "utf8")).close();
    }
    if (n === 0) throw new Error("nothing parsed");
    times.push(Number(process.hrtime.bigint() - startAt) / 1e6);
  }
  return median(times);
}

/** Wall ms and peak RSS (KiB, from GNU time) of one process. */
function measured(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): { ms: number; kib: number; stdout: string } {
  const startAt = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", command, ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - startAt) / 1e6;
  const lines = r.stderr.trim().split("\n");
  if (r.status !== 0)
    throw new Error(`${command} ${args.join(" ")}: exit ${r.status}: ${r.stderr.slice(0, 400)}`);
  return { ms, kib: Number(lines[lines.length - 1]), stdout: r.stdout };
}

const JUNITPARSER = `
import sys, os
from junitparser import JUnitXml
n = 0
for f in sorted(os.listdir(sys.argv[1])):
    for suite in JUnitXml.fromfile(os.path.join(sys.argv[1], f)):
        for case in suite:
            n += 1
print(n)
`;

const work = mkdtempSync(join(tmpdir(), "ppppt-health-bench-"));
try {
  const reports = join(work, "reports");
  mkdirSync(reports);
  const bytes = generate(reports);
  const mb = bytes / 1e6;
  process.stdout.write(
    `${machine()}\n${RUNS} runs x ${TESTS} tests: ${fmt.count(RUNS * TESTS)} results, ${mb.toFixed(1)} MB of JUnit XML\n\n`,
  );
  const env = {
    PPPPT_FILE: join(work, "todo.txt"),
    PPPPT_CONFIG: join(work, "config.yaml"),
    PPPPT_TODAY: "2026-12-31",
    NO_COLOR: "1",
  };
  writeFileSync(env.PPPPT_FILE, "");

  // Peak memory must not grow with the reports in one command: the same ingest over the first
  // eighth of the files, into a database of its own, against the whole set below.
  const part = join(work, "part");
  mkdirSync(part);
  const names = readdirSync(reports).sort();
  const partCount = Math.max(1, Math.floor(names.length / 8));
  for (const name of names.slice(0, partCount)) linkSync(join(reports, name), join(part, name));
  const partDocket = join(part, "todo.txt");
  writeFileSync(partDocket, "");
  const partIngest = measured(process.execPath, [bin, "health", "ingest", part], {
    ...env,
    PPPPT_FILE: partDocket,
  });

  const floor = saxesFloorMs(reports);
  const ingest = measured(process.execPath, [bin, "health", "ingest", reports], env);
  const floorMbps = mb / (floor / 1000);
  const ingestMbps = mb / (ingest.ms / 1000);
  const rows: string[][] = [
    ["step", "time", "MB/s", "vs floor", "peak RSS"],
    ["saxes pass, 1 thread (floor)", fmt.ms(floor), fmt.mbps(floorMbps), "1.00×", "-"],
    [
      "ppppt health ingest",
      fmt.ms(ingest.ms),
      fmt.mbps(ingestMbps),
      fmt.ratio(ingestMbps / floorMbps),
      `${(ingest.kib / 1024).toFixed(0)} MiB`,
    ],
  ];
  let jpMbps: number | undefined;
  const hasJp = spawnSync("/usr/bin/python3", ["-c", "import junitparser"]).status === 0;
  if (hasJp) {
    const jp = measured("/usr/bin/python3", ["-c", JUNITPARSER, reports], {});
    jpMbps = mb / (jp.ms / 1000);
    rows.push([
      "python3-junitparser",
      fmt.ms(jp.ms),
      fmt.mbps(jpMbps),
      fmt.ratio(jpMbps / floorMbps),
      `${(jp.kib / 1024).toFixed(0)} MiB`,
    ]);
  }
  printTable(rows);
  const growth = ingest.kib / partIngest.kib;
  process.stdout.write(
    `ingest peak RSS: ${(partIngest.kib / 1024).toFixed(0)} MiB for ${partCount} reports, ${(ingest.kib / 1024).toFixed(0)} MiB for ${names.length} (${fmt.ratio(growth)})\n`,
  );
  verdict(
    "ingest peak memory flat: at most 1.3x from 1/8 of the reports to all",
    growth <= 1.3,
    fmt.ratio(growth),
  );
  verdict(
    "ingest >= 1.5x the single-threaded saxes floor",
    ingestMbps >= 1.5 * floorMbps,
    fmt.ratio(ingestMbps / floorMbps),
  );
  if (jpMbps !== undefined)
    verdict(
      "ingest >= 5x python3-junitparser",
      ingestMbps >= 5 * jpMbps,
      fmt.ratio(ingestMbps / jpMbps),
    );
  else
    process.stdout.write(
      "python3-junitparser not installed (apt-get install python3-junitparser): not compared\n",
    );

  const db = join(work, "health.duckdb");
  const countScript = `const { DuckDBInstance } = require("@duckdb/node-api");
    (async () => { const i = await DuckDBInstance.create(${JSON.stringify(db)}); const c = await i.connect();
    const r = await c.runAndReadAll("select count(*) from results"); console.log(String(r.getRows()[0][0])); c.closeSync(); i.closeSync(); })();`;
  const count = measured(process.execPath, ["-e", countScript], {
    NODE_PATH: join(root, "node_modules"),
  });
  const stored = Number(count.stdout.trim());
  const flaky = measured(process.execPath, [bin, "health", "flaky", "--json"], env);
  const slo = measured(process.execPath, [bin, "slo", "--json"], env);
  process.stdout.write("\n");
  printTable([
    ["query (whole process)", "time", "vs count(*)", "peak RSS"],
    [
      `count(*) over ${fmt.count(stored)} results`,
      fmt.ms(count.ms),
      "1.00×",
      `${(count.kib / 1024).toFixed(0)} MiB`,
    ],
    [
      "ppppt health flaky --json",
      fmt.ms(flaky.ms),
      fmt.ratio(flaky.ms / count.ms),
      `${(flaky.kib / 1024).toFixed(0)} MiB`,
    ],
    [
      "ppppt slo --json",
      fmt.ms(slo.ms),
      fmt.ratio(slo.ms / count.ms),
      `${(slo.kib / 1024).toFixed(0)} MiB`,
    ],
  ]);
  const found = JSON.parse(flaky.stdout) as { tests: { status: string }[] };
  process.stdout.write(
    `found ${found.tests.filter((t) => t.status === "flaky").length} flaky and ${found.tests.filter((t) => t.status === "broken").length} broken tests; database ${(statSync(db).size / 1e6).toFixed(1)} MB\n`,
  );
  if (stored !== RUNS * TESTS + 0 && stored < RUNS * TESTS)
    throw new Error(`stored ${stored} results, expected at least ${RUNS * TESTS}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
