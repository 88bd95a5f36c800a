import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeIO, runPpppt } from "../fake-io.js";
import { runCli } from "../main.js";

let dir: string;
let file: string;
let env: Record<string, string>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ppppt-cli-"));
  file = join(dir, "todo.txt");
  env = { PPPPT_FILE: file, PPPPT_TODAY: "2026-11-25" };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runPpppt(args, env);
const docket = () => readFileSync(file, "utf8");
const seed = (text: string) => writeFileSync(file, text);

/** Every failing command must leave the docket exactly as it was. */
async function expectUntouched(args: string[], code: number, message: RegExp) {
  const before = existsSync(file) ? docket() : undefined;
  const r = await run(...args);
  expect(r.code).toBe(code);
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split("\n").length).toBeLessThanOrEqual(3);
  if (before !== undefined) expect(docket()).toBe(before);
  return r;
}

describe("init", () => {
  it("creates the docket once", async () => {
    expect((await run("init")).stdout).toMatch(/Created .*todo.txt/);
    seed("mine\n");
    expect((await run("init")).stdout).toMatch(/already exists/);
    expect(docket()).toBe("mine\n");
  });

  it("takes the role and stores it in the config file, where every report finds it", async () => {
    const config = join(dir, "config", "config.yaml");
    env.PPPPT_CONFIG = config;
    const r = await run("init", "--role", "director");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Role: Director, saved in .*config.yaml/);
    expect(readFileSync(config, "utf8")).toBe("role: director\n");
    const assess = JSON.parse((await run("assess", "--answer", "public-talk=no", "--json")).stdout);
    expect(assess.assessment.role).toBe("director");
    writeFileSync(config, "# mine\nrole: vp # was\nstarving:\n  weeks: 4\n");
    await run("init", "--role", "senior-director");
    expect(readFileSync(config, "utf8")).toBe(
      "# mine\nrole: senior-director # was\nstarving:\n  weeks: 4\n",
    );
    expect((await run("init")).stdout).toMatch(/Role: Senior director, from/);
    await expectUntouched(["init", "--role", "cto"], 1, /"cto" is not a role/);
  });

  it("asks for the role in a terminal when the config has none", async () => {
    env.PPPPT_CONFIG = join(dir, "config.yaml");
    const asked: string[] = [];
    const io = {
      ...fakeIO(env),
      stdoutIsTTY: true,
      stdinIsTTY: true,
      choose: async (q: { message: string; choices: readonly { value: string }[] }) => {
        asked.push(q.choices.map((c) => c.value).join(","));
        return "vp";
      },
    };
    expect(await runCli(["init"], io)).toBe(0);
    expect(asked).toEqual(["manager,senior-manager,director,senior-director,vp"]);
    expect(readFileSync(join(dir, "config.yaml"), "utf8")).toBe("role: vp\n");
  });

  it("honours --file over PPPPT_FILE", async () => {
    const other = join(dir, "other.txt");
    await run("--file", other, "init");
    expect(existsSync(other)).toBe(true);
    expect(existsSync(file)).toBe(false);
  });
});

describe("add", () => {
  beforeEach(() => seed(""));

  it("stores the item with what it inferred and says so", async () => {
    const r = await run("add", "1:1 with Dana about the promo packet friday");
    expect(r.code).toBe(0);
    expect(docket()).toMatch(
      /^2026-11-25 1:1 with Dana about the promo packet due:2026-11-27 cat:people\?? id:[0-9a-z]{4}\n$/,
    );
    expect(r.stdout).toMatch(/due 2026-11-27, from "friday"/);
    expect(r.stdout).toMatch(/category People/);
    expect(r.stdout).toMatch(/stored as: 2026-11-25 1:1 with Dana/);
  });

  it("takes flags for category, priority, due and estimate", async () => {
    const r = await run(
      "add",
      "--cat",
      "tech",
      "-p",
      "b",
      "--due",
      "in 3 days",
      "--est",
      "2h",
      "Review caching RFC",
      "--json",
    );
    const item = JSON.parse(r.stdout);
    expect(item).toMatchObject({
      category: "tech",
      priority: "B",
      due: "2026-11-28",
      estimateMinutes: 120,
      categoryGuess: false,
    });
    expect(docket()).toBe(
      `(B) 2026-11-25 Review caching RFC due:2026-11-28 cat:tech est:2h id:${item.id}\n`,
    );
  });

  it("rejects bad values with one line each and writes nothing", async () => {
    await expectUntouched(["add", "--cat", "sales", "x"], 1, /"sales" is not a category/);
    await expectUntouched(["add", "--due", "whenever", "x"], 1, /"whenever" is not a due date/);
    await expectUntouched(["add", "--pri", "AA", "x"], 1, /"AA" is not a priority/);
    await expectUntouched(["add", "--est", "lots", "x"], 1, /"lots" is not a duration/);
    await expectUntouched(["add", "x", "due:soon"], 1, /due:soon is not a date/);
    await expectUntouched(["add", "x", "due:2026-13-45"], 1, /due:2026-13-45 is not a date/);
    await expectUntouched(["add", "Call the customer cat:sales"], 1, /cat:sales is not a category/);
    await expectUntouched(["add"], 2, /missing required argument/);
  });

  it("says how to create a missing docket", async () => {
    rmSync(file);
    await expectUntouched(["add", "x"], 1, /no docket at .*\n.*ppppt init/);
    expect(existsSync(file)).toBe(false);
  });
});

describe("list", () => {
  beforeEach(() =>
    seed(
      [
        "(B) review RFC +platform @desk cat:tech due:2026-11-30 id:t1",
        "(A) promo packet Dana cat:people due:2026-12-05 id:p1",
        "x 2026-11-20 shipped cat:tech id:d1",
        "customer call cat:product due:2026-11-24 id:c1",
        "bad line due:notadate",
        "",
      ].join("\n"),
    ),
  );

  it("groups open items by category and warns about unreadable lines", async () => {
    const r = await run("list");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "People (1)",
        "  p1     (A) promo packet Dana due 2026-12-05 Sat",
        "Product (1)",
        "  c1     customer call due 2026-11-24 Tue (1d late)",
        "Tech (1)",
        "  t1     (B) review RFC +platform @desk due 2026-11-30 Mon",
        "3 of 4 items shown",
        "",
      ].join("\n"),
    );
    expect(r.stderr).toMatch(/1 line of .*todo.txt could not be read .* `ppppt check`/);
  });

  it("filters and prints JSON", async () => {
    const r = await run("list", "--cat", "tech,people", "--due-before", "friday", "--json");
    expect(JSON.parse(r.stdout).map((i: { id: string }) => i.id)).toEqual([]);
    const all = JSON.parse((await run("list", "--all", "--json")).stdout);
    expect(all.map((i: { id: string }) => i.id)).toEqual(["p1", "c1", "t1", "d1"]);
    const proj = JSON.parse((await run("ls", "+platform", "--json")).stdout);
    expect(proj.map((i: { id: string }) => i.id)).toEqual(["t1"]);
    const overdue = JSON.parse((await run("list", "--overdue", "--json")).stdout);
    expect(overdue.map((i: { id: string }) => i.id)).toEqual(["c1"]);
  });

  it("rejects a bad filter value", async () => {
    await expectUntouched(["list", "--cat", "zzz"], 1, /"zzz" is not a category/);
    await expectUntouched(["list", "--due-before", "blurgh"], 1, /"blurgh" is not a date/);
  });
});

describe("show, done, undo, edit, recat, rm", () => {
  beforeEach(() =>
    seed(
      "(A) 2026-11-01 weekly staff sync cat:process? due:2026-11-25 rec:+1w id:ab12\nplain line\n",
    ),
  );

  it("shows an item in full", async () => {
    const r = await run("show", "ab12");
    expect(r.stdout).toMatch(/category\s+Process \(a guess\)/);
    expect(r.stdout).toMatch(/repeats\s+every 1w after the due date/);
    expect(r.stdout).toMatch(/line\s+.*todo.txt:1/);
    expect(JSON.parse((await run("show", "ab12", "--json")).stdout)).toMatchObject({
      id: "ab12",
      line: 1,
      recurrence: "+1w",
    });
  });

  it("completes a recurring item and adds the next one; undo reopens", async () => {
    const r = await run("done", "ab12", "--json");
    const out = JSON.parse(r.stdout);
    expect(out.done[0]).toMatchObject({ id: "ab12", done: true, completed: "2026-11-25" });
    expect(out.next[0]).toMatchObject({ due: "2026-12-02", done: false });
    expect(docket().split("\n")[0]).toBe(
      "x 2026-11-25 2026-11-01 weekly staff sync cat:process? due:2026-11-25 rec:+1w id:ab12 pri:A",
    );
    const undo = await run("undo", "ab12");
    expect(undo.stdout).toMatch(/Removed the next occurrence .*staff sync due 2026-12-02/);
    expect(docket()).toBe(
      "(A) 2026-11-01 weekly staff sync cat:process? due:2026-11-25 rec:+1w id:ab12\nplain line\n",
    );
  });

  it("addresses items written by other apps by their derived id", async () => {
    const list = JSON.parse((await run("list", "--json")).stdout);
    const plain = list.find((i: { title: string }) => i.title === "plain line");
    expect(plain.id).toHaveLength(6);
    await run("done", plain.id);
    expect(docket()).toContain(`x 2026-11-25 plain line id:${plain.id}`);
  });

  it("edits the words, keeping the head and every tag the new words do not set", async () => {
    await run("edit", "ab12", "staff", "sync", "(moved)");
    expect(docket().split("\n")[0]).toBe(
      "(A) 2026-11-01 staff sync (moved) cat:process? due:2026-11-25 rec:+1w id:ab12",
    );
    await run("edit", "ab12", "staff sync due:2026-12-01");
    expect(docket().split("\n")[0]).toBe(
      "(A) 2026-11-01 staff sync due:2026-12-01 cat:process? rec:+1w id:ab12",
    );
  });

  it("keeps +projects, @contexts and every key of an item the README tour edits", async () => {
    seed(
      "2026-11-20 1:1 with Dana about the promo packet +promo @calendar due:2026-11-27 rec:1w est:30m cat:people id:tcwq\n",
    );
    const r = await run("edit", "tcwq", "1:1 with Dana: promo packet and Q1 goals");
    expect(r.code).toBe(0);
    expect(docket()).toBe(
      "2026-11-20 1:1 with Dana: promo packet and Q1 goals +promo @calendar due:2026-11-27 rec:1w est:30m cat:people id:tcwq\n",
    );
  });

  it("replaces the whole line with --replace, keeping only the id", async () => {
    await run("edit", "ab12", "--replace", "(C) new staff sync cat:process");
    expect(docket().split("\n")[0]).toBe("(C) new staff sync cat:process id:ab12");
  });

  it("opens $EDITOR on the file and reports lines it cannot read afterwards", async () => {
    env.EDITOR = "sed -i 's/plain line/plain line due:nope/'";
    const r = await run("edit");
    expect(r.code).toBe(0);
    expect(docket()).toContain("plain line due:nope");
    expect(r.stderr).toMatch(/todo.txt:2: due:nope is not a date/);
  });

  it("recategorises and confirms a guess", async () => {
    await run("recat", "ab12");
    expect(docket()).toContain("cat:process due:");
    await run("recat", "ab12", "People");
    expect(docket()).toContain("cat:people due:");
  });

  it("confirms the guess `list` shows for an item with no category", async () => {
    seed("1:1 with Dana about her promo packet id:dn12\n");
    expect((await run("list")).stdout).toMatch(
      /dn12 +1:1 with Dana about her promo packet \[people \?\]/,
    );
    const r = await run("recat", "dn12");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/dn12 is People/);
    expect(docket()).toBe("1:1 with Dana about her promo packet id:dn12 cat:people\n");
  });

  it("removes items and prints them", async () => {
    const r = await run("rm", "ab12");
    expect(r.stdout).toMatch(/Removed ab12: \(A\) 2026-11-01 weekly staff sync/);
    expect(docket()).toBe("plain line\n");
  });

  it("fails cleanly on an unknown id, a bad category, a missing argument", async () => {
    for (const cmd of [["show"], ["done"], ["undo"], ["rm"], ["recat"]]) {
      await expectUntouched(
        [...(cmd as string[]), "zzzz", ...(cmd[0] === "recat" ? ["tech"] : [])],
        1,
        /no item has the id "zzzz"/,
      );
    }
    await expectUntouched(["edit", "zzzz", "new"], 1, /no item has the id "zzzz"/);
    await expectUntouched(["recat", "ab12", "sales"], 1, /"sales" is not a category/);
    await expectUntouched(["done", "ab12", "zzzz"], 1, /zzzz/);
    await expectUntouched(["edit", "ab12"], 2, /give the new text/);
    await expectUntouched(["done"], 2, /missing required argument/);
  });

  it("refuses a read-only docket", async () => {
    chmodSync(file, 0o444);
    await expectUntouched(["done", "ab12"], 1, /permission denied\n.*read-only/);
  });
});

describe("check and archive", () => {
  it("passes a clean docket and reports bad lines with file and line", async () => {
    seed("one\n# note\ntwo cat:tech\n");
    const ok = await run("check");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/2 items, all readable/);
    seed("one\ntwo cat:sales\n\nthree est:forever\n");
    const bad = await run("check");
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`${file}:2: cat:sales is not a category`);
    expect(bad.stdout).toContain(`${file}:4: est:forever is not a duration`);
    const json = JSON.parse((await run("check", "--json")).stdout);
    expect(json.problems.map((p: { line: number }) => p.line)).toEqual([2, 4]);
  });

  it("flags an item that repeats an id, and --fix gives it an id of its own", async () => {
    const text = "(A) 1:1 with Dana cat:people id:dana\n# note\n1:1 with Sam cat:people id:dana\n";
    seed(text);
    const listed = await run("list", "--json");
    const items = JSON.parse(listed.stdout);
    expect(items.map((i: { title: string }) => i.title)).toEqual(["1:1 with Dana", "1:1 with Sam"]);
    expect(items[1].duplicateOf).toBe(1);
    expect(items[1].id).not.toBe("dana");
    expect((await run("list")).stderr).toContain(
      "1 item repeats an earlier line's id (flagged); `ppppt check --fix` gives it its own",
    );
    const bad = await run("check");
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`${file}:3: id:dana is already used on line 1`);
    expect(docket()).toBe(text);
    const fix = await run("check", "--fix");
    expect(fix.stdout).toMatch(new RegExp(`${file}:3: id:dana → id:([0-9a-z]{4})`));
    const to = /→ id:([0-9a-z]{4})/.exec(fix.stdout)?.[1];
    expect(fix.code).toBe(0);
    expect(docket()).toBe(
      `(A) 1:1 with Dana cat:people id:dana\n# note\n1:1 with Sam cat:people id:${to}\n`,
    );
    expect((await run("check")).code).toBe(0);
    expect((await run("check", "--fix")).stdout).toMatch(/all readable/);
  });

  it("moves done items to done.txt, keeping everything else", async () => {
    seed("# mine\nx 2026-11-20 old id:aaaa\nopen id:bbbb\nx 2026-11-21 older id:cccc");
    writeFileSync(join(dir, "done.txt"), "x 2026-01-01 ancient\n");
    const r = await run("archive");
    expect(r.stdout).toMatch(/Moved 2 done items to .*done.txt/);
    expect(docket()).toBe("# mine\nopen id:bbbb\n");
    expect(readFileSync(join(dir, "done.txt"), "utf8")).toBe(
      "x 2026-01-01 ancient\nx 2026-11-20 old id:aaaa\nx 2026-11-21 older id:cccc\n",
    );
    expect((await run("archive")).stdout).toMatch(/No done items/);
  });
});

describe("the command line", () => {
  it("exits 2 on an unknown command or option", async () => {
    expect((await run("frobnicate")).code).toBe(2);
    expect((await run("list", "--frob")).code).toBe(2);
  });

  it("has help with an example on every command", async () => {
    for (const cmd of [
      "init",
      "add",
      "list",
      "show",
      "done",
      "undo",
      "edit",
      "recat",
      "rm",
      "check",
      "archive",
    ]) {
      const r = await run(cmd, "--help");
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: ppppt/);
      expect(r.stdout).toMatch(/Examples?:\n {2}ppppt/);
    }
  });

  it("rejects a bad --today", async () => {
    seed("");
    await expectUntouched(["--today", "2026-02-30", "list"], 1, /--today 2026-02-30 is not a date/);
  });
});
