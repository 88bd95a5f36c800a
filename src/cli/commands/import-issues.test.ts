import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeIO, runPpppt } from "../fake-io.js";
import type { FileSummary } from "../import-run.js";
import { useImportDocket } from "../import-test-kit.js";
import { runCli } from "../main.js";

const FIXTURES = join(import.meta.dirname, "../../../../shared/fixtures/issues");
const fixture = (name: string) => join(FIXTURES, name);

const kit = useImportDocket();
const { run, docket, lines, importJson } = kit;

describe.skipIf(!existsSync(FIXTURES))(
  "ppppt import github|gitlab|jira on the shared fixtures",
  () => {
    const EXPECTED = existsSync(FIXTURES)
      ? readFileSync(fixture("EXPECTED.tsv"), "utf8")
          .trimEnd()
          .split("\n")
          .slice(1)
          .map((r) => r.split("\t"))
      : [];

    for (const [file, parsed, tracker, , issues, prs, closed, open] of EXPECTED) {
      if (parsed !== "yes") continue;
      it(`${file}: every issue an item, closed ones done, pull requests left out; twice is a no-op`, async () => {
        const s = await importJson(tracker as string, fixture(file as string));
        const issueCount = Number(issues) - Number(prs);
        expect(s.read).toBe(Number(issues));
        expect(s.added).toBe(issueCount);
        if (Number(prs) > 0) expect(s.skipped).toEqual({ "pull request": Number(prs) });
        const items = lines();
        expect(items).toHaveLength(issueCount);
        if (closed === "-") {
          expect(s.stateUnknown).toBe(issueCount);
          expect(items.filter((l) => l.startsWith("x "))).toHaveLength(0);
        } else if (Number(prs) === 0) {
          expect(items.filter((l) => l.startsWith("x "))).toHaveLength(Number(closed));
          expect(items.filter((l) => !l.startsWith("x "))).toHaveLength(Number(open));
        } else {
          // The reference counts pull requests in its open and closed figures.
          expect(items.filter((l) => l.startsWith("x ")).length).toBeLessThanOrEqual(
            Number(closed),
          );
          expect(items.filter((l) => !l.startsWith("x ")).length).toBeLessThanOrEqual(Number(open));
        }
        for (const l of items) expect(l).toMatch(/ src:(github|gitlab|jira):\S+/);
        const before = readFileSync(kit.t.file);
        const state = readFileSync(join(kit.t.dir, "todo.imports.json"));
        const again = await importJson(tracker as string, fixture(file as string));
        expect(again).toMatchObject({ added: 0, updated: 0, unchanged: issueCount });
        expect(readFileSync(kit.t.file).equals(before)).toBe(true);
        expect(readFileSync(join(kit.t.dir, "todo.imports.json")).equals(state)).toBe(true);
      });
    }

    it("closed issues are done on their closing date in the user's zone", async () => {
      // github_issue_2: created 2016-03-08T..., closed 2016-04-30T18:47:36Z or so: read the line.
      await importJson("github", fixture("chaoss--grimoirelab-perceval--github_issue_2.json"));
      const [line] = lines();
      const raw = JSON.parse(
        readFileSync(fixture("chaoss--grimoirelab-perceval--github_issue_2.json"), "utf8"),
      )[0];
      expect(
        line?.startsWith(`x ${raw.closed_at.slice(0, 10)} ${raw.created_at.slice(0, 10)} `),
      ).toBe(true);
      expect(line).toContain(`url:${raw.html_url}`);
    });

    it("a moment near midnight UTC lands on the local date (TZ)", async () => {
      const issue = {
        number: 7,
        title: "Late close",
        state: "closed",
        created_at: "2026-03-01T10:00:00Z",
        closed_at: "2026-03-02T23:30:00Z",
        html_url: "https://github.com/o/r/issues/7",
      };
      const path = join(kit.t.dir, "late.json");
      writeFileSync(path, JSON.stringify([issue]));
      kit.env.TZ = "Europe/Berlin";
      await importJson("github", path);
      expect(lines()[0]).toMatch(/^x 2026-03-03 2026-03-01 Late close /);
    });

    it("--prs takes pull requests too; --state, --label and --assignee filter, counted as skipped", async () => {
      const colin = fixture("ColinEberhardt--github-organisation-aggregate-view--issues.json");
      const withPrs = await importJson("github", "--prs", "--dry-run", colin);
      expect(withPrs.added).toBe(24);
      expect(docket()).toBe("");
      const bugs = await importJson("github", "--label", "bug", colin);
      const raw = JSON.parse(readFileSync(colin, "utf8")) as {
        labels: { name: string }[];
        pull_request?: unknown;
      }[];
      const bugIssues = raw.filter(
        (x) => !x.pull_request && x.labels.some((l) => l.name === "bug"),
      ).length;
      expect(bugs.added).toBe(bugIssues);
      expect(bugs.skipped.label).toBe(24 - 7 - bugIssues);
      const jira = await importJson(
        "jira",
        "--state",
        "closed",
        fixture("BellaLi-code--agile-delivery-simulation--Jira.csv"),
      );
      expect(jira).toMatchObject({ added: 13, skipped: { state: 55 } });
      const nobody = await importJson(
        "gitlab",
        "--assignee",
        "nobody",
        fixture("chaoss--grimoirelab-perceval--gitlab-issue_page_1.json"),
      );
      expect(nobody).toMatchObject({ added: 0, skipped: { assignee: 2 } });
    });

    it("labels map to categories from the config; the classifier decides the rest", async () => {
      writeFileSync(kit.t.env.PPPPT_CONFIG, "labels:\n  bug: process\n  enhancement: product\n");
      await importJson(
        "github",
        fixture("ColinEberhardt--github-organisation-aggregate-view--issues.json"),
      );
      const raw = JSON.parse(
        readFileSync(
          fixture("ColinEberhardt--github-organisation-aggregate-view--issues.json"),
          "utf8",
        ),
      ) as {
        number: number;
        labels: { name: string }[];
        pull_request?: unknown;
        html_url: string;
      }[];
      for (const x of raw.filter((r) => !r.pull_request)) {
        const line = lines().find((l) => l.includes(`url:${x.html_url} `)) as string;
        const first = x.labels[0]?.name;
        if (first === "bug") expect(line).toMatch(/ cat:process /);
        else if (first === "enhancement") expect(line).toMatch(/ cat:product /);
        else expect(line).toMatch(/ cat:\w+\??( |$)/);
      }
    });

    it("a label mapped to no category stops with the config named", async () => {
      writeFileSync(kit.t.env.PPPPT_CONFIG, "labels:\n  bug: sales\n");
      const r = await run(
        "import",
        "github",
        fixture("chaoss--grimoirelab-perceval--github_issue_2.json"),
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('config.yaml: labels.bug: "sales" is not a category');
    });

    it("rejects the browser-saved Jira XML by name and line, writes nothing, exits 1", async () => {
      const bad = fixture("Makarov-Denis--hw_software_life_cycle_01--SearchRequest.xml");
      const good = fixture("nichanl--insurance_Company--SearchRequest.xml");
      const r = await run("import", "jira", "--json", bad, good);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${bad}:1: text before the XML`);
      const out = JSON.parse(r.stdout) as FileSummary[];
      expect(out[0]?.error).toContain("SearchRequest.xml:1:");
      expect(out[1]).toMatchObject({ added: 15, error: null });
      expect(lines()).toHaveLength(15);
    });
  },
);

describe("ppppt import: bad input is one message naming the file and line, nothing written", () => {
  const cases: [string, string | Buffer, RegExp][] = [
    [
      "comment.json",
      '# exported by gh\n[{"number":1,"title":"a"}]',
      /comment\.json:1: a comment line before the JSON/,
    ],
    ["prose.json", "Here are the issues:\n[]", /prose\.json:1: not JSON/],
    [
      "cut.json",
      '[{"number":1,"title":"a"},\n{"number":2,"ti',
      /cut\.json:2: the JSON ends too early/,
    ],
    [
      "shape.json",
      '[{"number":1,"title":"a"},{"iid":2,"project_id":3}]',
      /shape\.json: record 2: not a GitHub issue.*\n.*import gitlab/,
    ],
    ["empty.json", "", /empty\.json: the file is empty/],
    [
      "latin1.json",
      Buffer.from([0x5b, 0x22, 0xe9, 0x22, 0x5d]),
      /latin1\.json:1: the file is not UTF-8/,
    ],
  ];
  for (const [name, content, message] of cases) {
    it(name, async () => {
      const path = join(kit.t.dir, name);
      writeFileSync(path, content);
      writeFileSync(kit.t.file, "keep me\n");
      const r = await run("import", "github", path);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(docket()).toBe("keep me\n");
    });
  }

  it("reads UTF-16 with a byte-order mark", async () => {
    const json = JSON.stringify([
      { number: 3, title: "Größe ändern", state: "OPEN", createdAt: "2026-01-02T03:04:05Z" },
    ]);
    const path = join(kit.t.dir, "u16.json");
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, "utf16le")]));
    const r = await run("import", "github", path);
    expect(r.code).toBe(0);
    expect(lines()[0]).toMatch(/^2026-01-02 Größe ändern src:github:#3 cat:/);
  });

  it("a truncated Jira CSV row names its line", async () => {
    const path = join(kit.t.dir, "cut.csv");
    writeFileSync(
      path,
      'Summary,Issue key,Created\nFirst,AB-1,15/Feb/26 10:53 AM\n"Second, cut,AB-2\n',
    );
    const r = await run("import", "jira", path);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cut\.csv:3: a CSV row is cut short/);
    expect(docket()).toBe("");
  });

  it("reads stdin with -", async () => {
    const r = await runPpppt(
      ["import", "gitlab", "-"],
      kit.env,
      JSON.stringify([
        {
          iid: 4,
          project_id: 9,
          title: "From a pipe",
          state: "opened",
          created_at: "2026-05-05T10:00:00Z",
        },
      ]),
    );
    expect(r.code).toBe(0);
    expect(lines()[0]).toMatch(/^2026-05-05 From a pipe src:gitlab:9#4 cat:/);
  });
});

describe("ppppt import: a changed source updates its item, the user's own changes win", () => {
  const issue = (over: Record<string, unknown>) => ({
    iid: 1,
    project_id: 5,
    title: "Fix the login page",
    state: "opened",
    created_at: "2026-10-01T09:00:00Z",
    due_date: "2026-12-01",
    ...over,
  });
  const write = (o: Record<string, unknown>) => {
    const path = join(kit.t.dir, "gl.json");
    writeFileSync(path, JSON.stringify([issue(o)]));
    return path;
  };

  it("title, due and state follow the source while the item is as imported", async () => {
    await importJson("gitlab", write({}));
    const first = lines()[0] as string;
    expect(first).toMatch(
      /^2026-10-01 Fix the login page due:2026-12-01 src:gitlab:5#1 cat:\S+ id:\w+$/,
    );
    const s = await importJson(
      "gitlab",
      write({
        title: "Fix the login page on mobile",
        due_date: "2026-12-15",
        state: "closed",
        closed_at: "2026-11-20T08:00:00Z",
      }),
    );
    expect(s).toMatchObject({ added: 0, updated: 1 });
    const [line] = lines();
    expect(line).toMatch(
      /^x 2026-11-20 2026-10-01 Fix the login page on mobile due:2026-12-15 src:gitlab:5#1 /,
    );
    expect(lines()).toHaveLength(1);
  });

  it("a title or due date the user edited in ppppt is kept; the state still follows", async () => {
    await importJson("gitlab", write({}));
    // The user moves the due date in an editor (any change to the line counts the same).
    writeFileSync(kit.t.file, docket().replace("due:2026-12-01", "due:2026-12-24"));
    const s = await importJson(
      "gitlab",
      write({ due_date: "2027-01-10", state: "closed", closed_at: "2026-11-21T08:00:00Z" }),
    );
    expect(s.updated).toBe(1);
    expect(lines()[0]).toMatch(/^x 2026-11-21 .* due:2026-12-24 /);
  });

  it("an item the user removed is not brought back", async () => {
    await importJson("gitlab", write({}));
    const id = /id:(\w+)/.exec(docket())?.[1] as string;
    expect((await run("rm", id)).code).toBe(0);
    const s = await importJson("gitlab", write({ title: "Changed" }));
    expect(s).toMatchObject({
      added: 0,
      skipped: { "removed or archived since the last import": 1 },
    });
    expect(lines()).toHaveLength(0);
  });

  it("--dry-run prints the change and writes nothing", async () => {
    await importJson("gitlab", write({}));
    const before = docket();
    const state = readdirSync(kit.t.dir);
    const r = await run("import", "gitlab", "--dry-run", write({ title: "Renamed" }));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^- .*Fix the login page/m);
    expect(r.stdout).toMatch(/^\+ .*Renamed/m);
    expect(r.stdout).toContain("dry run: nothing written");
    expect(docket()).toBe(before);
    expect(readdirSync(kit.t.dir)).toEqual(state);
  });
});

describe("ppppt import: the progress bar", () => {
  const gitlab = JSON.stringify([{ iid: 1, project_id: 2, title: "One", state: "opened" }]);
  it("is drawn on stderr when it is a terminal, and erased", async () => {
    const path = join(kit.t.dir, "one.json");
    writeFileSync(path, gitlab);
    const io = fakeIO(kit.env);
    const drawn: string[] = [];
    const code = await runCli(["import", "gitlab", path], {
      ...io,
      stderrIsTTY: true,
      progress: (text) => drawn.push(text),
    });
    expect(code).toBe(0);
    expect(io.err.join("")).toBe("");
    const err = drawn.join("");
    expect(err).toContain(`importing ${path} [`);
    expect(err).toContain("100%");
    expect(err.endsWith("\r\x1b[K")).toBe(true);
  });

  it("is not drawn when stderr is piped", async () => {
    const path = join(kit.t.dir, "one.json");
    writeFileSync(path, gitlab);
    const io = fakeIO(kit.env);
    expect(await runCli(["import", "gitlab", path], io)).toBe(0);
    expect(io.err.join("")).toBe("");
  });
});

describe("ppppt import: the command line", () => {
  it("a missing file argument or an unknown kind is a usage error (2)", async () => {
    expect((await run("import", "github")).code).toBe(2);
    expect((await run("import", "bogus", "x")).code).toBe(2);
    expect((await run("import", "jira", "--state", "weird", "x")).code).toBe(2);
  });

  it("a file that does not exist is named, exit 1", async () => {
    const r = await run("import", "gitlab", join(kit.t.dir, "missing.json"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no such file:");
  });
});
