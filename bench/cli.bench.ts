/**
 * Whole-process wall time of `ppppt list` and `ppppt add` on dockets of 1k, 10k and 100k
 * items, each as a ratio to `node -e 0` measured in the same run (the least any Node command
 * can cost), beside todo.txt's `todo.sh ls`/`add` (Debian: todotxt-cli, installed as
 * `todo-txt`) and Taskwarrior's `task list`/`add` on the same items, where installed.
 * Target: `ppppt list` within 1.5× of `node -e 0` at 10k items.
 */
import type { SpawnSyncOptions } from "node:child_process";
import { randomUUID } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
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
const TARGET_RATIO = 1.5;
const TODAY = "2026-11-25";
const ADD_TEXT = "1:1 with Dana about the promo packet friday +promo-cycle";
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
) => {
  const row = { size, label, ...timeAgainstFloor({ command, args, options }, floor) };
  rows.push(row);
  process.stdout.write(
    `  ${fmt.count(size)} ${label}: ${fmt.ms(row.ms)}, ${fmt.ratio(row.ratio)}\n`,
  );
};

try {
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
    // A first run, or one after a `recat`: no remembered guesses (a cache folder that cannot
    // exist is never read or written), so the classifier loads and guesses every time.
    measure(size, "ppppt list, no guess cache", node, [ppppt, "list"], {
      env: { ...env, PPPPT_CACHE: "/dev/null/no-cache" },
    });
    measure(size, "ppppt add", node, [ppppt, "add", ADD_TEXT], {
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
const list10k = rows.find((r) => r.size === 10_000 && r.label === "ppppt list");
if (list10k) {
  verdict(
    `ppppt list within ${TARGET_RATIO}× of node -e 0 at 10k items`,
    list10k.ratio <= TARGET_RATIO,
    `${fmt.ratio(list10k.ratio)}: ${fmt.ms(list10k.ms)} against ${fmt.ms(list10k.floorMs)}`,
  );
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
