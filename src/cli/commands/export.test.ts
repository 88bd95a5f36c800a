import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ItemJson } from "../../core/docket/item-json.js";
import { runPpppt, type TempDocket, tempDocket } from "../fake-io.js";

const DOCKET = [
  "# my docket",
  "(A) 2026-11-01 Call Dana about the promo packet @phone +people-ops due:2026-11-27 cat:people id:aa01",
  "2026-11-02 Review the caching RFC +platform +infra @desk t:2026-11-30 cat:tech est:2h id:aa02",
  "x 2026-11-20 2026-11-03 Customer call with Acme cat:product spent:1h pri:B id:aa03",
  "(C) Draft the meetup talk abstract cat:public? id:aa04",
  "",
  "Weekly staff meeting due:2026-11-30 rec:+1w cat:process id:aa05",
].join("\n");

let t: TempDocket;
let env: Record<string, string>;
beforeEach(() => {
  t = tempDocket(`${DOCKET}\n`);
  env = { ...t.env, PPPPT_TODAY: "2026-11-25", TZ: "America/New_York" };
});
afterEach(() => rmSync(t.dir, { recursive: true, force: true }));

const run = (...args: string[]) => runPpppt(args, env);

describe("ppppt export", () => {
  it("todotxt: the item lines as written; --without-own-keys drops id/est/spent/pri/src", async () => {
    const r = await run("export", "todotxt");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `${DOCKET.split("\n")
        .filter((l) => l !== "" && !l.startsWith("#"))
        .join("\n")}\n`,
    );
    const plain = await run("export", "todotxt", "--without-own-keys");
    const lines = plain.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "(A) 2026-11-01 Call Dana about the promo packet @phone +people-ops due:2026-11-27 cat:people",
    );
    expect(lines[2]).toBe("x 2026-11-20 2026-11-03 Customer call with Acme cat:product");
    expect(lines[3]).toBe("(C) Draft the meetup talk abstract cat:public");
    expect(plain.stdout).not.toMatch(/ (id|est|spent|pri|src):/);
  });

  it("json: the shape of list --json, every item in file order", async () => {
    const r = await run("export", "json");
    const items = JSON.parse(r.stdout) as ItemJson[];
    expect(items.map((i) => i.id)).toEqual(["aa01", "aa02", "aa03", "aa04", "aa05"]);
    const list = JSON.parse((await run("list", "--all", "--json")).stdout) as ItemJson[];
    for (const i of items) expect(i).toEqual(list.find((l) => l.id === i.id));
  });

  it("csv: a header and a row per item, quoted where needed", async () => {
    const r = await run("export", "csv");
    const rows = r.stdout.split("\n");
    expect(rows[0]).toMatch(/^id,done,priority,completed,created,due,/);
    expect(rows).toHaveLength(7);
    expect(rows[3]).toMatch(
      /^aa03,yes,,2026-11-20,2026-11-03,,,product,no,Customer call with Acme,/,
    );
  });
});

function installed(command: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!installed("todo-txt"))(
  "ppppt export todotxt, read by the real todo.txt-cli",
  () => {
    it("lists every item, with its priority, project and context", async () => {
      const dir = join(t.dir, "todo-txt");
      mkdirSync(dir);
      const cfg = join(dir, "cfg");
      writeFileSync(
        cfg,
        `export TODO_DIR=${dir}\nexport TODO_FILE="$TODO_DIR/todo.txt"\nexport DONE_FILE="$TODO_DIR/done.txt"\nexport REPORT_FILE="$TODO_DIR/report.txt"\n`,
      );
      writeFileSync(
        join(dir, "todo.txt"),
        (await run("export", "todotxt", "--without-own-keys")).stdout,
      );
      const todo = (...args: string[]) =>
        execFileSync("todo-txt", ["-d", cfg, "-p", ...args], {
          encoding: "utf8",
          env: { PATH: process.env.PATH, HOME: dir },
        });
      expect(todo("ls")).toMatch(/TODO: 5 of 5 tasks shown/);
      expect(todo("ls", "@phone")).toMatch(
        /^1 \(A\) 2026-11-01 Call Dana about the promo packet @phone \+people-ops due:2026-11-27 cat:people$/m,
      );
      expect(todo("lsp")).toMatch(/TODO: 2 of 5 tasks shown/);
    });
  },
);

describe.skipIf(!installed("task"))(
  "ppppt export taskwarrior, read by the real `task import`",
  () => {
    function task(dir: string, ...args: string[]): string {
      return execFileSync("task", args, {
        env: { PATH: process.env.PATH, HOME: dir, TASKRC: join(dir, "taskrc"), TZ: env.TZ },
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
    }
    function taskHome(): string {
      const dir = join(t.dir, "task");
      mkdirSync(join(dir, "data"), { recursive: true });
      writeFileSync(
        join(dir, "taskrc"),
        `data.location=${join(dir, "data")}\nconfirmation=off\nhooks=off\nverbose=nothing\nnews.version=2.6.2\n`,
      );
      return dir;
    }
    interface Task {
      uuid: string;
      description: string;
      status: string;
      entry: string;
      end?: string;
      due?: string;
      scheduled?: string;
      project?: string;
      tags?: string[];
      priority?: string;
    }

    it("counts, statuses, dates, tags and projects survive; importing twice adds nothing", async () => {
      const out = join(t.dir, "tasks.json");
      const r = await run("export", "taskwarrior");
      expect(r.code).toBe(0);
      writeFileSync(out, r.stdout);
      const dir = taskHome();
      task(dir, "import", out);
      task(dir, "import", out);
      const tasks = JSON.parse(task(dir, "export")) as Task[];
      expect(tasks).toHaveLength(5);
      expect(tasks.filter((x) => x.status === "completed")).toHaveLength(1);
      const byDesc = new Map(tasks.map((x) => [x.description, x]));
      const dana = byDesc.get("Call Dana about the promo packet") as Task;
      expect(dana).toMatchObject({
        project: "people-ops",
        tags: ["phone"],
        priority: "H",
        status: "pending",
      });
      // Dates are the start of the day in the user's zone: 05:00 UTC in New York in November.
      expect(dana.entry).toBe("20261101T040000Z");
      expect(dana.due).toBe("20261127T050000Z");
      const rfc = byDesc.get("Review the caching RFC") as Task;
      expect(rfc).toMatchObject({
        project: "platform",
        tags: ["desk", "infra"],
        scheduled: "20261130T050000Z",
      });
      const acme = byDesc.get("Customer call with Acme") as Task;
      expect(acme).toMatchObject({ status: "completed", end: "20261120T050000Z", priority: "M" });
      // What task writes, read back by ppppt's importer into a fresh docket, is the same work.
      const back = join(t.dir, "back.json");
      writeFileSync(back, task(dir, "export"));
      const fresh = tempDocket("");
      try {
        const e2 = { ...env, ...fresh.env };
        const imported = await runPpppt(["import", "taskwarrior", "--json", back], e2);
        expect(JSON.parse(imported.stdout)).toMatchObject({ read: 5, added: 5 });
        const original = JSON.parse((await run("export", "json")).stdout) as ItemJson[];
        const again = JSON.parse((await runPpppt(["export", "json"], e2)).stdout) as ItemJson[];
        const essence = (i: ItemJson) => ({
          title: i.title.replace(/ [+@]\S+/g, ""),
          done: i.done,
          completed: i.completed,
          created: i.created ?? "2026-11-25",
          due: i.due,
          threshold: i.threshold,
          projects: [...i.projects].sort(),
          contexts: [...i.contexts].sort(),
        });
        const norm = (xs: ItemJson[]) =>
          xs
            .map(essence)
            // Taskwarrior has one project: further +projects come back as tags.
            .map((x) => ({
              ...x,
              tags: [...x.projects, ...x.contexts].sort(),
              projects: [],
              contexts: [],
            }))
            .sort((a, b) => a.title.localeCompare(b.title));
        expect(norm(again)).toEqual(norm(original));
      } finally {
        rmSync(fresh.dir, { recursive: true, force: true });
      }
    });

    it("an import from Taskwarrior goes back with its own uuids", async () => {
      const fixture = join(
        import.meta.dirname,
        "../../../../shared/fixtures/taskwarrior/nerab--taskwarrior--party.json",
      );
      if (!existsSync(fixture)) return;
      writeFileSync(t.file, "");
      await run("import", "taskwarrior", fixture);
      const out = join(t.dir, "tasks.json");
      writeFileSync(out, (await run("export", "taskwarrior")).stdout);
      const dir = taskHome();
      task(dir, "import", out);
      const tasks = JSON.parse(task(dir, "export")) as (Task & { depends?: string[] })[];
      const source = JSON.parse(readFileSync(fixture, "utf8")) as (Task & { depends?: string })[];
      expect(tasks.map((x) => x.uuid).sort()).toEqual(source.map((x) => x.uuid).sort());
      for (const s of source) {
        const got = tasks.find((x) => x.uuid === s.uuid) as Task & { depends?: string[] };
        expect(got.description).toBe(s.description);
        expect(got.project).toBe(s.project);
        expect(got.priority).toBe(s.priority);
        expect(got.tags ?? []).toEqual(s.tags ?? []);
        expect((got.depends ?? []).sort()).toEqual((s.depends ? s.depends.split(",") : []).sort());
      }
    });
  },
);
