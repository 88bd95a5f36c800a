/**
 * How fast and in how much memory a large issue export imports.
 * - reader: the core's GithubReader over the file in 64 KB chunks (what `ppppt import github`
 *   runs), in MB/s, beside JSON.parse of the whole file measured in the same run (the floor:
 *   what loading it whole costs in time).
 * - memory: the live heap (after a full collection, sampled every 2,000 records) of a process
 *   that streams the file through the reader (records counted, not kept), beside one that
 *   reads and JSON.parses it whole; and both processes' peak resident set (which includes
 *   garbage V8 had not yet collected). The streaming live heap stays flat as the file grows;
 *   the whole-file one grows with it.
 * - import: the whole `ppppt import github FILE` (read, classify, write the docket), wall time
 *   and peak memory; the docket it writes grows with the issues, so its memory does too, but
 *   with the docket's size (~150 bytes an issue), not the export's (~2 KB an issue).
 * Target: the streaming reader's live heap at the largest size under a quarter of the
 * whole-file parse's.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { GithubReader } from "../src/core/import/github.js";
import { fmt, machine, printTable, timeAgainst, verdict } from "./measure.js";

const num = (v: number, digits: number) => v.toFixed(digits);

const SIZES = (process.env.PPPPT_BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);
const CHUNK = 1 << 16;

/** A GitHub REST issue as the API returns it, with its usual weight of URLs and user data. */
function issue(n: number): unknown {
  const user = { login: `user${n % 97}`, id: n % 97, type: "User", site_admin: false };
  return {
    url: `https://api.github.com/repos/acme/widgets/issues/${n}`,
    repository_url: "https://api.github.com/repos/acme/widgets",
    html_url: `https://github.com/acme/widgets/issues/${n}`,
    id: 1_000_000 + n,
    number: n,
    title: `Widget ${n % 13 === 0 ? "crashes" : "renders slowly"} when the ${["cache", "queue", "login page", "report"][n % 4]} is empty`,
    user,
    labels: n % 3 === 0 ? [{ id: 1, name: "bug", color: "d73a4a", default: true }] : [],
    state: n % 4 === 0 ? "closed" : "open",
    locked: false,
    assignee: n % 5 === 0 ? user : null,
    assignees: n % 5 === 0 ? [user] : [],
    comments: n % 7,
    created_at: new Date(Date.UTC(2024, 0, 1) + n * 600_000).toISOString().replace(/\.\d{3}/, ""),
    updated_at: new Date(Date.UTC(2024, 6, 1) + n * 600_000).toISOString().replace(/\.\d{3}/, ""),
    closed_at:
      n % 4 === 0
        ? new Date(Date.UTC(2024, 3, 1) + n * 600_000).toISOString().replace(/\.\d{3}/, "")
        : null,
    body: `Steps to reproduce:\n1. Open the widget\n2. Wait\n\nExpected: it renders.\nActual: it does not (${n}).\n`.repeat(
      4,
    ),
    ...(n % 10 === 0
      ? { pull_request: { url: `https://api.github.com/repos/acme/widgets/pulls/${n}` } }
      : {}),
  };
}

function writeExport(path: string, n: number): number {
  const parts: string[] = [];
  for (let i = 1; i <= n; i++) parts.push(JSON.stringify(issue(i)));
  const text = `[\n${parts.join(",\n")}\n]\n`;
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}

function streamRead(bytes: Uint8Array): number {
  let records = 0;
  const reader = new GithubReader("bench.json", () => {
    records++;
  });
  for (let at = 0; at < bytes.length; at += CHUNK) reader.write(bytes.subarray(at, at + CHUNK));
  reader.end();
  return records;
}

const root = process.cwd();
const dir = mkdtempSync(join(tmpdir(), "ppppt-bench-import-"));
const rssProbe = join(dir, "rss.cjs");
writeFileSync(
  rssProbe,
  "process.on('exit', () => require('node:fs').writeFileSync(process.env.RSS_OUT, String(process.resourceUsage().maxRSS)));\n",
);

const heapOut = join(dir, "heap.txt");
/** Live heap (MB, after a full collection) that a probe script wrote down. */
function liveMb(): number {
  return Number(readFileSync(heapOut, "utf8")) / 1e6;
}

/** Peak resident memory (MB) of a node process running `args`. */
function peakMb(args: string[], env: Record<string, string> = {}): number {
  const out = join(dir, "rss.txt");
  const r = spawnSync(process.execPath, ["--expose-gc", "--require", rssProbe, ...args], {
    cwd: root,
    env: { ...process.env, ...env, RSS_OUT: out, HEAP_OUT: heapOut },
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0)
    throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr.slice(0, 400)}`);
  return Number(readFileSync(out, "utf8")) / 1024;
}

const streamScript = join(dir, "stream.ts");
writeFileSync(
  streamScript,
  `import { openSync, readSync } from "node:fs";
import { GithubReader } from ${JSON.stringify(join(root, "src/core/import/github.ts"))};
let n = 0;
let live = 0;
const gc = (globalThis as { gc?: () => void }).gc as () => void;
const reader = new GithubReader("f", () => {
  n++;
  if (n % 2000 === 0) { gc(); live = Math.max(live, process.memoryUsage().heapUsed); }
});
const fd = openSync(process.argv[2], "r");
const buf = Buffer.alloc(${CHUNK});
for (;;) { const k = readSync(fd, buf, 0, buf.length, null); if (k === 0) break; reader.write(buf.subarray(0, k)); }
reader.end();
gc();
live = Math.max(live, process.memoryUsage().heapUsed);
require("node:fs").writeFileSync(process.env.HEAP_OUT, String(live));
if (n === 0) process.exit(3);
`,
);
// Bundled, so its memory is the reader's and not a TypeScript loader's.
const streamBundle = join(dir, "stream.cjs");
buildSync({
  entryPoints: [streamScript],
  bundle: true,
  platform: "node",
  format: "cjs",
  outfile: streamBundle,
  logLevel: "warning",
});
const wholeScript = join(dir, "whole.cjs");
writeFileSync(
  wholeScript,
  "const a = JSON.parse(require('node:fs').readFileSync(process.argv[2], 'utf8')); gc(); require('node:fs').writeFileSync(process.env.HEAP_OUT, String(process.memoryUsage().heapUsed)); if (!a.length) process.exit(3);\n",
);

process.stdout.write(`issue import — ${machine()}\n`);
const rows: string[][] = [
  [
    "issues",
    "export",
    "reader MB/s",
    "JSON.parse MB/s",
    "ratio",
    "stream live",
    "whole live",
    "stream RSS",
    "whole RSS",
    "import s",
    "import MB/s",
    "import RSS",
  ],
];
let last: { stream: number; whole: number } | undefined;
try {
  for (const n of SIZES) {
    const file = join(dir, `issues-${n}.json`);
    const size = writeExport(file, n);
    const bytes = readFileSync(file);
    const decoder = new TextDecoder();
    const t = timeAgainst(
      () => streamRead(bytes),
      () => JSON.parse(decoder.decode(bytes)),
      { warmup: 1, runs: n >= 100_000 ? 3 : 5 },
    );
    const mb = size / 1e6;
    const stream = peakMb([streamBundle, file]);
    const streamLive = liveMb();
    const whole = peakMb([wholeScript, file]);
    const wholeLive = liveMb();
    const docket = join(dir, `todo-${n}.txt`);
    writeFileSync(docket, "");
    const start = process.hrtime.bigint();
    const cli = peakMb([join(root, "bin/ppppt.cjs"), "import", "github", file, "--json"], {
      PPPPT_FILE: docket,
      PPPPT_CONFIG: join(dir, "none.yaml"),
      PPPPT_CACHE: join(dir, "cache"),
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rows.push([
      fmt.count(n),
      `${num(mb, 1)} MB`,
      fmt.mbps(mb / (t.ms / 1000)),
      fmt.mbps(mb / (t.floorMs / 1000)),
      fmt.ratio(t.timeRatio),
      `${num(streamLive, 1)} MB`,
      `${num(wholeLive, 1)} MB`,
      `${num(stream, 0)} MB`,
      `${num(whole, 0)} MB`,
      num(seconds, 1),
      `${num(mb / seconds, 1)} MB/s`,
      `${num(cli, 0)} MB`,
    ]);
    last = { stream: streamLive, whole: wholeLive };
  }
  printTable(rows);
  if (last) {
    verdict(
      "streaming reader's live heap under a quarter of a whole-file parse's at the largest size",
      last.stream < last.whole / 4,
      `${num(last.stream, 0)} MB against ${num(last.whole, 0)} MB`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
