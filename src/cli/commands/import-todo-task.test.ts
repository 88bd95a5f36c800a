import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useImportDocket } from "../import-test-kit.js";

const SHARED = join(import.meta.dirname, "../../../../shared/fixtures");

const kit = useImportDocket();
const { run, docket, lines, importJson } = kit;

function tsv(path: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(path, "utf8").trimEnd().split("\n");
  const cols = (head as string).split("\t");
  return rows.map((r) => Object.fromEntries(r.split("\t").map((v, i) => [cols[i], v])));
}

describe.skipIf(!existsSync(SHARED))("ppppt import todotxt on the shared fixtures", () => {
  const rows = existsSync(SHARED) ? tsv(join(SHARED, "todotxt/EXPECTED.tsv")) : [];
  for (const row of rows) {
    it(`${row.file}: ${row.task_lines} tasks, ${row.done_lines} done; twice adds nothing`, async () => {
      const path = join(SHARED, "todotxt", row.file as string);
      const s = await importJson("todotxt", path);
      expect(s.read).toBe(Number(row.lines));
      expect(s.added).toBe(Number(row.task_lines));
      expect(s.skipped["blank line"] ?? 0).toBe(Number(row.lines) - Number(row.task_lines));
      expect(lines()).toHaveLength(Number(row.task_lines));
      expect(lines().filter((l) => l.startsWith("x "))).toHaveLength(Number(row.done_lines));
      // Each source line is in the docket as written, ppppt's keys (id:, cat:) added at most.
      const source = readFileSync(path, "utf8")
        .split(/\r\n|\n|\r/)
        .filter((l) => l.trim() !== "");
      for (const l of source) {
        const words = l.split(" ").filter((w) => w !== "" && !/^(id|cat):/.test(w));
        const match = lines().find((d) => {
          const own = d.split(" ").filter((w) => w !== "" && !/^(id|cat):/.test(w));
          return own.join(" ") === words.join(" ");
        });
        expect(match, l).toBeDefined();
      }
      const before = readFileSync(kit.t.file);
      const again = await importJson("todotxt", path);
      expect(again).toMatchObject({ added: 0, unchanged: Number(row.task_lines) });
      expect(readFileSync(kit.t.file).equals(before)).toBe(true);
    });
  }

  it("the lines already in the docket with only ppppt's keys added are not added again", async () => {
    writeFileSync(kit.t.file, "(A) Call Mom @Phone +Family cat:people id:ab12\n");
    const s = await importJson("todotxt", join(SHARED, "todotxt/todotxt--todo.txt-cli--todo.txt"));
    expect(s).toMatchObject({ added: 7, unchanged: 1 });
  });

  it("all of them at once, a done.txt too, each line once", async () => {
    const files = readdirSync(join(SHARED, "todotxt"))
      .filter((f) => f.endsWith(".txt"))
      .map((f) => join(SHARED, "todotxt", f));
    const r = await run("import", "todotxt", "--json", ...files);
    expect(r.code).toBe(0);
    const total = rows.reduce((n, row) => n + Number(row.task_lines), 0);
    expect(lines().length).toBeLessThanOrEqual(total);
    expect(new Set(lines().map((l) => l.replace(/ (id|cat):\S+/g, ""))).size).toBe(lines().length);
    const check = await run("check");
    expect(check.code, check.stdout).toBe(0);
  });
});

describe("ppppt import todotxt: what counts as the same line", () => {
  it("ppppt's own keys do not make a line new; another due date does", async () => {
    writeFileSync(kit.t.file, "Call Mom due:2026-01-01 cat:people id:ab12 est:30m\n");
    const path = join(kit.t.dir, "phone.txt");
    writeFileSync(path, "Call Mom due:2026-01-01\nCall Mom due:2026-02-02\n");
    const s = await importJson("todotxt", path);
    expect(s).toMatchObject({ added: 1, unchanged: 1 });
    expect(lines()[1]).toMatch(/^Call Mom due:2026-02-02 cat:\S+ id:\w+$/);
  });
});

describe("ppppt import todotxt: lines ppppt cannot read", () => {
  it("come in verbatim and are reported with their line", async () => {
    const path = join(kit.t.dir, "phone.txt");
    writeFileSync(path, "Call the bank due:2026-02-30\nBook flights +trip\n");
    const r = await run("import", "todotxt", path);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${path}:1: kept verbatim, not read:`);
    expect(lines()).toContain("Call the bank due:2026-02-30");
    expect(lines().some((l) => l.startsWith("Book flights +trip "))).toBe(true);
    const again = await run("import", "todotxt", "--json", path);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, unchanged: 2 });
  });
});

describe.skipIf(!existsSync(SHARED))("ppppt import taskwarrior on the shared fixtures", () => {
  const rows = existsSync(SHARED) ? tsv(join(SHARED, "taskwarrior/EXPECTED.tsv")) : [];
  for (const row of rows) {
    it(`${row.file}: ${row.tasks} tasks (${row.objects} objects), deleted skipped, completed done`, async () => {
      const path = join(SHARED, "taskwarrior", row.file as string);
      const s = await importJson("taskwarrior", path);
      const imported = Number(row.pending) + Number(row.completed) + Number(row.waiting);
      expect(s.read).toBe(Number(row.objects));
      expect(s.added).toBe(imported);
      if (Number(row.deleted) > 0) expect(s.skipped.deleted).toBe(Number(row.deleted));
      if (Number(row.objects) > Number(row.tasks)) {
        expect(s.skipped["earlier copy of a task (backlog)"]).toBe(
          Number(row.objects) - Number(row.tasks),
        );
      }
      expect(lines()).toHaveLength(imported);
      expect(lines().filter((l) => l.startsWith("x "))).toHaveLength(Number(row.completed));
      expect(lines().filter((l) => / dep:/.test(l))).toHaveLength(Number(row.with_depends));
      const before = readFileSync(kit.t.file);
      const again = await importJson("taskwarrior", path);
      expect(again).toMatchObject({ added: 0, updated: 0, unchanged: imported });
      expect(readFileSync(kit.t.file).equals(before)).toBe(true);
    });
  }

  it("maps description, priority, project, tags, dates and the uuid", async () => {
    await importJson("taskwarrior", join(SHARED, "taskwarrior/nerab--taskwarrior--party.json"));
    const first = lines()[0] as string;
    expect(first).toMatch(
      /^\(A\) 2012-06-29 Select a free weekend in November \+party src:tw:6fd0ba4a-ab67-49cd-ac69-64aa999aff8a cat:\S+ id:\w+$/,
    );
    const state = JSON.parse(readFileSync(join(kit.t.dir, "todo.imports.json"), "utf8"));
    expect(state.items["tw:6fd0ba4a-ab67-49cd-ac69-64aa999aff8a"].extra.annotations).toEqual([
      { entry: "2012-06-29T19:15:34.000Z", description: "the 13th looks good" },
    ]);
  });
});

describe("ppppt import taskwarrior: status, dates, recurrence", () => {
  it("completed → done on its end date, recurring templates skipped, instances kept with rec:", async () => {
    const tasks = [
      {
        uuid: "a1",
        description: "Write the report",
        status: "completed",
        entry: "20261001T090000Z",
        end: "20261020T230000Z",
        tags: ["work", "writing"],
        due: "20261021T000000Z",
      },
      {
        uuid: "t1",
        description: "Water plants",
        status: "recurring",
        recur: "weekly",
        entry: "20261001T090000Z",
        due: "20261002T000000Z",
      },
      {
        uuid: "i1",
        description: "Water plants",
        status: "pending",
        recur: "weekly",
        parent: "t1",
        entry: "20261001T090000Z",
        due: "20261009T000000Z",
        wait: "20261008T000000Z",
      },
      { uuid: "d1", description: "Gone", status: "deleted", entry: "20261001T090000Z" },
    ];
    const path = join(kit.t.dir, "tw.json");
    writeFileSync(path, tasks.map((x) => JSON.stringify(x)).join("\n"));
    kit.env.TZ = "America/New_York";
    const s = await importJson("taskwarrior", path);
    expect(s).toMatchObject({
      read: 4,
      added: 2,
      skipped: { deleted: 1, "recurring template": 1 },
    });
    const [done, plants] = lines();
    expect(done).toMatch(
      /^x 2026-10-20 2026-10-01 Write the report @work @writing due:2026-10-20 src:tw:a1 /,
    );
    expect(plants).toMatch(
      /^2026-10-01 Water plants due:2026-10-08 t:2026-10-07 rec:1w src:tw:i1 /,
    );
  });

  it("rejects a task without a uuid by its record number", async () => {
    const path = join(kit.t.dir, "bad.json");
    writeFileSync(path, '[{"uuid":"x","description":"ok"},{"description":"no uuid"}]');
    const r = await run("import", "taskwarrior", path);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${path}: record 2: not a Taskwarrior task (it needs a uuid and a description)`,
    );
    expect(docket()).toBe("");
  });
});
