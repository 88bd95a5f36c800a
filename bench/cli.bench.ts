/**
 * Whole-process wall time of `ppppt list` and `ppppt add` on dockets of 1k, 10k and 100k
 * items, each as a ratio to `node -e 0` measured in the same run (the least any Node command
 * can cost), beside todo.txt's `todo.sh ls`/`add` (Debian: todotxt-cli, installed as
 * `todo-txt`) and Taskwarrior's `task list`/`add` on the same items, where installed; the
 * start-up alone (`ppppt --version`, `list` on an empty docket); and the peak memory of `list`
 * on a 50 MB docket against the file's size. Targets (#21): start-up within 1.25×; `list`
 * within 1.6× at 1k items and faster than `todo.sh ls`; at 10k at most 0.6× `todo.sh ls`;
 * `add` within 2× at 1k; `list`'s peak RSS within 3× the docket's size.
 */
import type { SpawnSyncOptions } from "node:child_process";
import { randomUUID } from "node:crypto";
import {
  copyFileSync,
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
import { parseDocket } from "../src/core/docket/parse.js";
import { generateDocket } from "./generate-docket.js";
import {
  type Command,
  fmt,
  installed,
  machine,
  type Paired,
  printTable,
  runProcess,
  timeAgainstFloor,
  verdict,
} from "./measure.js";

/** PPPPT_BENCH_SIZES=1000,10000 runs fewer sizes while working on one. */
const SIZES = (process.env.PPPPT_BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);
/** PPPPT_BENCH_MEMORY_MB=0 leaves out the memory figure (it writes and lists a 50 MB docket). */
const MEMORY_MB = Number(process.env.PPPPT_BENCH_MEMORY_MB ?? "50");
/** The generated docket's bytes per item, to size the memory figure's docket. */
const BYTES_PER_ITEM = 110;
const TODAY = "2026-11-25";
const ADD_TEXT = "1:1 with Dana about the promo packet friday +promo-cycle";
/**
 * An item that names no date: natural-date.ts asks chrono-node nothing (mayNameADate), so this
 * is `add` without chrono's first parse, about a third of a `node -e 0`.
 */
const ADD_UNDATED = "Review the caching RFC with the platform team +infra";
const root = fileURLToPath(new URL("..", import.meta.url));
const ppppt = join(root, "bin", "ppppt.cjs");
const node = process.execPath;
const work = mkdtempSync(join(tmpdir(), "ppppt-bench-"));

const todoSh = ["todo.sh", "todo-txt"].find(installed);
const task = installed("task") ? "task" : undefined;

interface Row extends Paired {
  size: number;
  label: string;
}

process.stdout.write(`whole-process time — ${machine()}\n`);
if (!todoSh) process.stdout.write("todo.sh: not installed (Debian: todotxt-cli), skipped\n");
if (!task) process.stdout.write("task: not installed (Debian: taskwarrior), skipped\n");

// The guess cache lives in the bench's folder, not the user's; the warm-up runs fill it, so
// `list` is timed as a user's repeat run is.
const cleanEnv = {
  ...process.env,
  NO_COLOR: "1",
  PPPPT_TODAY: TODAY,
  PPPPT_CACHE: join(work, "cache"),
};
const floor: Command = { command: node, args: ["-e", "0"] };
const rows: Row[] = [];
const measure = (
  size: number,
  label: string,
  command: string,
  args: string[],
  options: SpawnSyncOptions,
  before?: () => void,
) => {
  const row = { size, label, ...timeAgainstFloor({ command, args, options, before }, floor) };
  rows.push(row);
  process.stdout.write(
    `  ${fmt.count(size)} ${label}: ${fmt.ms(row.ms)}, ${fmt.ratio(row.ratio)}\n`,
  );
};

/** Removes the guess cache's files (not the code cache's), so the classifier runs again. */
const dropGuesses = () => {
  const dir = cleanEnv.PPPPT_CACHE;
  for (const f of safeReaddir(dir)) if (f.startsWith("guesses-")) rmSync(join(dir, f));
};

try {
  // The start-up alone: the same path every command takes, with nothing to read.
  const empty = join(work, "empty.txt");
  writeFileSync(empty, "");
  measure(0, "ppppt --version", node, [ppppt, "--version"], { env: cleanEnv });
  measure(0, "ppppt list, empty docket", node, [ppppt, "list"], {
    env: { ...cleanEnv, PPPPT_FILE: empty },
  });

  for (const size of SIZES) {
    const dir = join(work, String(size));
    const docketText = generateDocket(size).text;
    const listFile = join(dir, "list.txt");
    const addFile = join(dir, "add.txt");
    writeDir(dir);
    writeFileSync(listFile, docketText);
    // `add` grows its own copy, one item per run, and never the file `list` reads.
    copyFileSync(listFile, addFile);
    const env = { ...cleanEnv, PPPPT_FILE: listFile };
    measure(size, "ppppt list", node, [ppppt, "list"], { env });
    // A first run, or one after a `recat`: no remembered guesses (the guess cache's files are
    // removed before each run; V8's code for the bundle stays), so the classifier loads and
    // guesses every time.
    measure(size, "ppppt list, no guess cache", node, [ppppt, "list"], { env }, dropGuesses);
    measure(size, "ppppt add", node, [ppppt, "add", ADD_TEXT], {
      env: { ...env, PPPPT_FILE: addFile },
    });
    measure(size, "ppppt add, no date in the text", node, [ppppt, "add", ADD_UNDATED], {
      env: { ...env, PPPPT_FILE: addFile },
    });

    if (todoSh) {
      try {
        const todoDir = join(dir, "todo.sh");
        writeDir(todoDir);
        writeFileSync(join(todoDir, "todo.txt"), docketText);
        const config = join(todoDir, "config");
        writeFileSync(
          config,
          [
            `export TODO_DIR="${todoDir}"`,
            'export TODO_FILE="$TODO_DIR/todo.txt"',
            'export DONE_FILE="$TODO_DIR/done.txt"',
            'export REPORT_FILE="$TODO_DIR/report.txt"',
            "",
          ].join("\n"),
        );
        const opts = { env: { ...cleanEnv, HOME: todoDir } };
        measure(size, `${todoSh} ls`, todoSh, ["-d", config, "-p", "ls"], opts);
        measure(size, `${todoSh} add`, todoSh, ["-d", config, "-p", "add", ADD_TEXT], opts);
      } catch (error) {
        // A peer that fails is left out, saying why; ppppt's own figures still stand.
        process.stdout.write(
          `${todoSh}: failed at ${fmt.count(size)} items, skipped: ${(error as Error).message}\n`,
        );
      }
    }

    if (task) {
      try {
        const taskDir = join(dir, "task");
        writeDir(taskDir);
        const rc = join(taskDir, "taskrc");
        writeFileSync(
          rc,
          [
            `data.location=${taskDir}`,
            "confirmation=off",
            "color=off",
            "hooks=off",
            "verbose=nothing",
            "recurrence=off",
            "",
          ].join("\n"),
        );
        const opts = { env: { ...cleanEnv, TASKRC: rc, TASKDATA: taskDir } };
        const importFile = join(taskDir, "import.json");
        writeFileSync(importFile, taskwarriorJson(docketText));
        const imported = runProcess(task, ["import", importFile], opts);
        if (imported.status !== 0) throw new Error(`task import failed: ${imported.stderr}`);
        measure(size, "task list", task, ["list"], opts);
        measure(size, "task add", task, ["add", ADD_TEXT], opts);
      } catch (error) {
        // A peer that fails is left out, saying why; ppppt's own figures still stand.
        process.stdout.write(
          `task: failed at ${fmt.count(size)} items, skipped: ${(error as Error).message}\n`,
        );
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const table: string[][] = [["items", "command", "median", "node -e 0", "ratio", "runs"]];
for (const row of rows) {
  table.push([
    fmt.count(row.size),
    row.label,
    fmt.ms(row.ms),
    fmt.ms(row.floorMs),
    fmt.ratio(row.ratio),
    String(row.runs),
  ]);
}
printTable(table);
process.stdout.write(
  "ratio: the median over runs of (command time / node -e 0 time), the two run alternately\n",
);

const row = (size: number, label: string) => rows.find((r) => r.size === size && r.label === label);
const within = (name: string, r: Row | undefined, target: number) => {
  if (!r) return;
  verdict(
    `${name} within ${target}× of node -e 0`,
    r.ratio <= target,
    `${fmt.ratio(r.ratio)}: ${fmt.ms(r.ms)} against ${fmt.ms(r.floorMs)}`,
  );
};
/** `ppppt`'s row against a peer's in the same run: the ratio of their ratios to the floor. */
const against = (name: string, ours: Row | undefined, peer: Row | undefined, target: number) => {
  if (!ours || !peer) return;
  const relative = ours.ratio / peer.ratio;
  verdict(
    `${name} at most ${target}× ${peer.label}`,
    relative <= target,
    `${fmt.ratio(relative)}: ${fmt.ratio(ours.ratio)} against ${fmt.ratio(peer.ratio)} of node -e 0`,
  );
};
within("ppppt --version", row(0, "ppppt --version"), 1.25);
within("ppppt list on an empty docket", row(0, "ppppt list, empty docket"), 1.25);
within("ppppt list at 1k items", row(1000, "ppppt list"), 1.6);
against("ppppt list at 1k items", row(1000, "ppppt list"), row(1000, `${todoSh} ls`), 1);
against("ppppt list at 10k items", row(10_000, "ppppt list"), row(10_000, `${todoSh} ls`), 0.6);
within("ppppt add at 1k items", row(1000, "ppppt add"), 2);
within(
  "ppppt add at 1k items, no date in the text",
  row(1000, "ppppt add, no date in the text"),
  2,
);
within("ppppt list at 10k items (#9's target)", row(10_000, "ppppt list"), 1.5);
if (MEMORY_MB > 0) memoryFigure();

/**
 * Peak resident memory of `ppppt list` on a docket of about MEMORY_MB, against the file's size
 * (and beside `node -e 0`'s own). Read in the process itself at exit
 * (process.resourceUsage().maxRSS), through a preloaded file, so no tool outside Node is needed.
 */
function memoryFigure(): void {
  const dir = mkdtempSync(join(tmpdir(), "ppppt-bench-memory-"));
  try {
    const file = join(dir, "big.txt");
    writeFileSync(file, generateDocket(Math.round((MEMORY_MB * 1e6) / BYTES_PER_ITEM)).text);
    const probe = join(dir, "rss.cjs");
    const out = join(dir, "rss.txt");
    writeFileSync(
      probe,
      `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(out)}, String(process.resourceUsage().maxRSS * 1024)));`,
    );
    const peak = (args: string[]) => {
      const run = runProcess(node, ["-r", probe, ...args], {
        env: { ...cleanEnv, PPPPT_FILE: file },
        stdio: ["ignore", "ignore", "pipe"],
      });
      if (run.status !== 0)
        throw new Error(`${args.join(" ")} exited ${run.status}: ${run.stderr}`);
      return { bytes: Number(readFileSync(out, "utf8")), ms: run.ms };
    };
    peak([ppppt, "list"]); // the warm-up: fills the guess and code caches
    const runs = [peak([ppppt, "list"]), peak([ppppt, "list"]), peak([ppppt, "list"])];
    const rss = Math.max(...runs.map((r) => r.bytes));
    const floorRss = peak(["-e", "0"]).bytes;
    const size = statSync(file).size;
    const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
    process.stdout.write(
      `memory: ppppt list on a ${mb(size)} docket: peak RSS ${mb(rss)} (${fmt.ratio(rss / size)} the file; node -e 0: ${mb(floorRss)}), ${fmt.ms(runs[1]?.ms ?? 0)}\n`,
    );
    verdict(
      "ppppt list's peak RSS within 3× the docket's size (50 MB docket)",
      rss <= 3 * size,
      `${fmt.ratio(rss / size)}: ${mb(rss)} for ${mb(size)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function safeReaddir(dir: string | undefined): string[] {
  try {
    return dir ? readdirSync(dir) : [];
  } catch {
    return [];
  }
}

function writeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

/**
 * The docket's items as Taskwarrior's import JSON: description, status, dates, the first
 * +project, @contexts as tags, priority A→H, B→M, others →L. Recurrence is left out: a
 * recurring task in Taskwarrior is a template plus instances, not one task.
 */
function taskwarriorJson(text: string): string {
  const stamp = (date: string) => `${date.replaceAll("-", "")}T000000Z`;
  const tasks: string[] = [];
  for (const line of parseDocket(text).lines) {
    if (line.kind !== "item") continue;
    const it = line.item;
    const task: Record<string, unknown> = {
      uuid: randomUUID(),
      description: it.title,
      status: it.done ? "completed" : "pending",
      entry: stamp(it.created ?? TODAY),
    };
    if (it.done) task.end = stamp(it.completed ?? it.created ?? TODAY);
    if (it.due) task.due = stamp(it.due);
    if (it.priority) task.priority = it.priority === "A" ? "H" : it.priority === "B" ? "M" : "L";
    if (it.projects[0]) task.project = it.projects[0];
    if (it.contexts.length > 0) task.tags = it.contexts;
    tasks.push(JSON.stringify(task));
  }
  return `${tasks.join("\n")}\n`;
}
