import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPpppt } from "../fake-io.js";

/**
 * The team roll-up end to end: one bare repository and three clones, each person with their own
 * home, data folder, docket and git identity: two managers (dana, sam) and their director (lee).
 */

const TODAY = "2026-11-25";
let root: string;
let bare: string;

interface Person {
  name: string;
  home: string;
  docket: string;
  config: string;
  env: Record<string, string>;
  clone: string;
}

function person(name: string): Person {
  const home = join(root, name);
  mkdirSync(home, { recursive: true });
  const docket = join(home, "todo.txt");
  const config = join(home, "config.yaml");
  writeFileSync(docket, "");
  return {
    name,
    home,
    docket,
    config,
    clone: join(home, "data", "ppppt", "team"),
    env: {
      HOME: home,
      XDG_DATA_HOME: join(home, "data"),
      PPPPT_FILE: docket,
      PPPPT_CONFIG: config,
      PPPPT_TODAY: TODAY,
      GIT_AUTHOR_NAME: name,
      GIT_AUTHOR_EMAIL: `${name}@example.com`,
      GIT_COMMITTER_NAME: name,
      GIT_COMMITTER_EMAIL: `${name}@example.com`,
      GIT_CONFIG_NOSYSTEM: "1",
    },
  };
}

function git(p: Person | string, ...args: string[]): string {
  const cwd = typeof p === "string" ? p : p.clone;
  const env =
    typeof p === "string"
      ? { ...process.env, GIT_CONFIG_NOSYSTEM: "1", HOME: root }
      : { ...process.env, ...p.env };
  return execFileSync("git", args, {
    cwd,
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

const team = (p: Person, ...args: string[]) => runPpppt(["team", ...args], p.env);

let dana: Person;
let sam: Person;
let lee: Person;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "ppppt-team-"));
  bare = join(root, "leads.git");
  dana = person("dana");
  sam = person("sam");
  lee = person("lee");
  writeFileSync(
    dana.docket,
    [
      "x 2026-11-20 2026-11-01 1:1 with Priya about the promo packet cat:people spent:60m id:d1",
      "x 2026-11-21 Fix the flaky checkout test cat:tech spent:120m id:d2",
      "x 2026-11-22 Talk to Omar about his exit package cat:people spent:30m private:1 id:d3",
      "# a comment the team never sees",
      "Write the on-call policy cat:process due:2026-11-30 id:d4",
      "",
    ].join("\n"),
  );
  writeFileSync(
    sam.docket,
    [
      "x 2026-11-18 Customer call with Acme cat:product spent:90m id:s1",
      "x 2026-11-19 1:1 with Rosa Lind cat:people spent:30m id:s2",
      "",
    ].join("\n"),
  );
  writeFileSync(sam.config, "team:\n  redact: true\npeople:\n  - Rosa Lind\n");
  writeFileSync(lee.docket, "x 2026-11-24 Draft the strategy memo cat:product est:3h id:l1\n");
}, 30_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("team init and join", { timeout: 300_000 }, () => {
  it("makes a bare repository, and refuses to make it twice", async () => {
    const r = await team(lee, "init", bare);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(git(bare, "rev-parse", "--is-bare-repository").trim()).toBe("true");
    const again = await team(lee, "init", bare);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("is already a team");
  });

  it("takes an existing empty bare repository, and refuses a folder with other things in it", async () => {
    const empty = join(root, "empty.git");
    git(root, "init", "--quiet", "--bare", empty);
    const r = await team(lee, "init", empty);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Took the team repository");
    const junk = join(root, "junk");
    mkdirSync(junk);
    writeFileSync(join(junk, "notes.txt"), "x");
    const refused = await team(lee, "init", junk);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("not empty and not a git repository");
  });

  it("adds each person with a role, and refuses a taken name", async () => {
    for (const [p, role] of [
      [lee, "director"],
      [dana, "manager"],
      [sam, "manager"],
    ] as const) {
      const r = await team(p, "join", bare, "--as", p.name, "--role", role);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
    }
    const other = person("dana2");
    const taken = await team(other, "join", bare, "--as", "dana", "--role", "vp");
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain("the name dana is taken");
    expect(existsSync(other.clone)).toBe(false);
    const bad = await team(other, "join", bare, "--as", "../evil", "--role", "vp");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("cannot be a member name");
  });
});

describe("team sync", { timeout: 300_000 }, () => {
  it("works both ways: the director sees the managers, a manager sees the director", async () => {
    expect((await team(lee, "sync")).code).toBe(0);
    const shown = JSON.parse((await team(lee, "show", "dana", "--json")).stdout);
    expect(shown.items.map((i: { id: string }) => i.id)).toEqual(["d1", "d2", "d4"]);
    expect(shown.role).toBe("manager");
    expect((await team(dana, "sync")).code).toBe(0);
    const status = await team(lee);
    expect(status.stdout).toContain(`You are lee in the team cloned at ${lee.clone}`);
    expect(status.stdout).toMatch(/dana\s+Manager\s+3 items/);
    const lees = JSON.parse((await team(dana, "show", "lee", "--json")).stdout);
    expect(lees.items.map((i: { id: string }) => i.id)).toEqual(["l1"]);
  });

  it("never commits a private item, a comment or a redacted name to any commit", async () => {
    const log = git(bare, "log", "-p", "--all");
    expect(log).toContain("Fix the flaky checkout test");
    expect(log).not.toContain("Omar");
    expect(log).not.toContain("exit package");
    expect(log).not.toContain("private:1");
    expect(log).not.toContain("a comment the team never sees");
    // sam's config asks for initials: Rosa Lind never travels, R.L. does.
    expect(log).not.toContain("Rosa");
    expect(log).toContain("1:1 with R.L. cat:people");
  });

  it("lands two people syncing at once, losing nothing", async () => {
    writeFileSync(
      dana.docket,
      `${readFileSync(dana.docket, "utf8")}x 2026-11-25 Review the SLO dashboard cat:tech spent:45m id:d5\n`,
    );
    writeFileSync(
      sam.docket,
      `${readFileSync(sam.docket, "utf8")}x 2026-11-25 Talk at the Go meetup cat:public spent:60m id:s3\n`,
    );
    const [a, b] = await Promise.all([team(dana, "sync"), team(sam, "sync")]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, "", ""]);
    const head = (file: string) => git(bare, "show", `main:${file}`);
    expect(head("members/dana/docket.txt")).toContain("id:d5");
    expect(head("members/sam/docket.txt")).toContain("id:s3");
    expect((await team(lee, "sync")).code).toBe(0);
    const rollUp = JSON.parse((await team(lee, "balance", "--json")).stdout);
    expect(rollUp.people.map((p: { name: string; items: number }) => [p.name, p.items])).toEqual([
      ["dana", 4],
      ["lee", 1],
      ["sam", 3],
    ]);
  });

  it("retries a push refused because someone pushed first, after merging their work", async () => {
    // Deterministic: dana's pre-push hook makes sam push first, once, so dana's push is refused.
    const hook = join(dana.clone, ".git", "hooks", "pre-push");
    const marker = join(root, "sam-pushed");
    writeFileSync(
      hook,
      `#!/bin/sh\n[ -e "${marker}" ] && exit 0\ntouch "${marker}"\ncd "${sam.clone}" && git pull --quiet --no-rebase origin main && echo "x 2026-11-25 Sam's race cat:tech id:s9" >> members/sam/docket.txt && git commit --quiet -am race -m "Ppppt-Member: sam" && git push --quiet origin HEAD:main\n`,
      { mode: 0o755 },
    );
    writeFileSync(
      dana.docket,
      `${readFileSync(dana.docket, "utf8")}Book the team lunch cat:people id:d7\n`,
    );
    const r = await team(dana, "sync", "--json");
    rmSync(hook);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ outcome: "synced", committed: true, attempts: 2 });
    expect(out.received).toBeGreaterThan(0);
    expect(git(bare, "show", "main:members/sam/docket.txt")).toContain("id:s9");
    expect(git(bare, "show", "main:members/dana/docket.txt")).toContain("id:d7");
    // sam's hand-made line goes again at sam's next sync, which writes the file from his docket.
    expect((await team(sam, "sync")).code).toBe(0);
    expect(git(bare, "show", "main:members/sam/docket.txt")).not.toContain("id:s9");
  });

  it("refuses a hand edit to someone else's docket in the clone, committing nothing", async () => {
    const file = join(lee.clone, "members", "dana", "docket.txt");
    const before = git(lee, "rev-parse", "HEAD");
    writeFileSync(file, "x 2026-11-25 something dana never did cat:people\n");
    const r = await team(lee, "sync");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("changes outside your own folder (members/dana/docket.txt)");
    expect(git(lee, "rev-parse", "HEAD")).toBe(before);
    git(lee, "checkout", "--", "members/dana/docket.txt");
    expect((await team(lee, "sync")).code).toBe(0);
  });

  it("refuses a pushed change to a person's docket by someone else, merging nothing", async () => {
    // sam, by hand, rewrites dana's shared docket and pushes it with ppppt's trailer for sam.
    expect((await team(sam, "sync")).code).toBe(0);
    writeFileSync(join(sam.clone, "members", "dana", "docket.txt"), "x 2026-11-25 fake cat:tech\n");
    git(sam, "commit", "--quiet", "-am", "tidy dana's docket", "-m", "Ppppt-Member: sam");
    git(sam, "push", "--quiet", "origin", "HEAD:main");
    const before = readFileSync(join(dana.clone, "members", "dana", "docket.txt"), "utf8");
    const r = await team(dana, "sync");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "by sam <sam@example.com> changes members/dana/docket.txt, which only dana writes",
    );
    expect(r.stderr).toContain("git revert");
    expect(readFileSync(join(dana.clone, "members", "dana", "docket.txt"), "utf8")).toBe(before);
    const director = await team(lee, "sync");
    expect(director.code).toBe(1);
    expect(director.stderr).toContain("which only dana writes");
    // sam undoes it; everyone syncs again.
    git(sam, "revert", "--no-edit", "HEAD");
    git(sam, "push", "--quiet", "origin", "HEAD:main");
    expect((await team(dana, "sync")).stderr).toBe("");
    expect((await team(lee, "sync")).code).toBe(0);
    const shown = JSON.parse((await team(lee, "show", "dana", "--json")).stdout);
    expect(shown.items.map((i: { id: string }) => i.id)).toEqual(["d1", "d2", "d4", "d5", "d7"]);
  });

  it("says so when the remote is unreachable, and the next sync catches up", async () => {
    const away = `${bare}.away`;
    renameSync(bare, away);
    writeFileSync(
      dana.docket,
      `${readFileSync(dana.docket, "utf8")}Plan the offsite cat:people id:d6\n`,
    );
    const r = await team(dana, "sync");
    renameSync(away, bare);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("cannot reach the team repository");
    expect(r.stderr).toContain("the next ppppt team sync sends it");
    expect(git(bare, "show", "main:members/dana/docket.txt")).not.toContain("id:d6");
    expect((await team(dana, "sync")).code).toBe(0);
    expect(git(bare, "show", "main:members/dana/docket.txt")).toContain("id:d6");
  });

  it("reports a history that does not merge by itself, overwriting nothing", async () => {
    // Outside the rules: two clones commit different team markers by hand.
    expect((await team(sam, "sync")).code).toBe(0);
    writeFileSync(join(sam.clone, "ppppt-team.yaml"), "ppppt: team\nformat: 1\n# sam's\n");
    git(sam, "commit", "--quiet", "-am", "sam's marker");
    git(sam, "push", "--quiet", "origin", "HEAD:main");
    writeFileSync(join(dana.clone, "ppppt-team.yaml"), "ppppt: team\nformat: 1\n# dana's\n");
    git(dana, "commit", "--quiet", "-am", "dana's marker");
    const mine = git(dana, "rev-parse", "HEAD");
    const r = await team(dana, "sync");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "have diverged and do not merge by themselves: ppppt-team.yaml changed on both sides",
    );
    expect(r.stderr).toContain("Nothing was overwritten");
    expect(git(dana, "rev-parse", "HEAD")).toBe(mine);
    expect(existsSync(join(dana.clone, ".git", "MERGE_HEAD"))).toBe(false);
    expect(readFileSync(join(dana.clone, "ppppt-team.yaml"), "utf8")).toContain("dana's");
    // dana settles it by taking sam's; then sync goes through.
    git(dana, "reset", "--quiet", "--hard", "HEAD~1");
    expect((await team(dana, "sync")).code).toBe(0);
  });
});

describe("team balance, review, role, leave", { timeout: 300_000 }, () => {
  it("gives each person's mix and the team's, as computed by hand", async () => {
    expect((await team(lee, "sync")).code).toBe(0);
    const r = JSON.parse((await team(lee, "balance", "--json")).stdout);
    const shares = (name: string) =>
      Object.fromEntries(
        r.people
          .find((p: { name: string }) => p.name === name)
          .balance.categories.map((c: { category: string; share: number }) => [
            c.category,
            c.share,
          ]),
      );
    // dana: people 60m, tech 120m + 45m (the private 30m never left her machine): 225m.
    expect(shares("dana")).toEqual({
      people: (100 * 60) / 225,
      product: 0,
      process: 0,
      public: 0,
      tech: (100 * 165) / 225,
    });
    // sam: product 90m, people 30m, public 60m: 180m.
    expect(shares("sam")).toEqual({
      people: (100 * 30) / 180,
      product: 50,
      process: 0,
      public: (100 * 60) / 180,
      tech: 0,
    });
    // lee: one item, est 3h: all product.
    expect(shares("lee")).toEqual({ people: 0, product: 100, process: 0, public: 0, tech: 0 });
    const teamShare = Object.fromEntries(
      r.team.categories.map((c: { category: string; share: number }) => [c.category, c.share]),
    );
    const mean = (...xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(teamShare.people).toBeCloseTo(mean((100 * 60) / 225, (100 * 30) / 180, 0), 10);
    expect(teamShare.product).toBeCloseTo(mean(0, 50, 100), 10);
    expect(teamShare.tech).toBeCloseTo(mean((100 * 165) / 225, 0, 0), 10);
    // Targets: two managers (process 20) and a director (process 20); public 5, 5, 10.
    const target = Object.fromEntries(
      r.team.categories.map((c: { category: string; target: number }) => [c.category, c.target]),
    );
    expect(target.public).toBeCloseTo(mean(5, 5, 10), 10);
    expect(
      r.people
        .find((p: { name: string }) => p.name === "dana")
        .balance.categories.find((c: { category: string }) => c.category === "people").target,
    ).toBe(35);
    const text = await team(lee, "balance");
    expect(text.stdout).toContain("dana (manager)");
    expect(text.stdout).toContain("team (mean of 3)");
  });

  it("names who starves what, for how long, with coaching topics for their role", async () => {
    const r = JSON.parse((await team(lee, "review", "--json")).stdout);
    const danaNeeds = r.people.find((p: { name: string }) => p.name === "dana").needs;
    const product = danaNeeds.find((n: { category: string }) => n.category === "product");
    expect(product).toMatchObject({ starving: true, idleDays: null });
    expect(product.topics.length).toBeGreaterThan(0);
    const samNeeds = r.people.find((p: { name: string }) => p.name === "sam").needs;
    expect(samNeeds.find((n: { category: string }) => n.category === "tech")).toMatchObject({
      starving: true,
    });
    const text = await team(lee, "review");
    expect(text.stdout).toContain("dana, Manager");
    expect(text.stdout).toContain("coach: ");
  });

  it("changes your own role, and refuses someone else's", async () => {
    const r = await team(sam, "role", "sam", "senior-manager");
    expect(r.code).toBe(0);
    expect((await team(sam, "sync")).code).toBe(0);
    expect(git(bare, "show", "main:members/sam/member.yaml")).toContain("role: senior-manager");
    const other = await team(lee, "role", "dana", "vp");
    expect(other.code).toBe(1);
    expect(other.stderr).toContain("only dana sets dana's role");
  });

  it("shares the done file too (archived history counts, as in balance), private items left out", async () => {
    writeFileSync(
      join(sam.home, "done.txt"),
      "x 2026-11-10 Old archived win cat:tech spent:30m\nx 2026-11-11 Archived secret cat:people private:1\n",
    );
    expect((await team(sam, "sync")).code).toBe(0);
    const done = git(bare, "show", "main:members/sam/done.txt");
    expect(done).toBe("x 2026-11-10 Old archived win cat:tech spent:30m\n");
    expect(git(bare, "log", "-p", "--all")).not.toContain("Archived secret");
    expect((await team(lee, "sync")).code).toBe(0);
    const r = JSON.parse((await team(lee, "show", "sam", "--json")).stdout);
    expect(
      r.balance.categories.find((c: { category: string }) => c.category === "tech").effort,
    ).toBe(30);
  });

  it("leaves: the folder goes from the team, the clone from the machine", async () => {
    // Offline first: the leave is committed in the clone, which stays until it is pushed.
    renameSync(bare, `${bare}.away`);
    const offline = await team(dana, "leave");
    renameSync(`${bare}.away`, bare);
    expect(offline.code).toBe(1);
    expect(offline.stderr).toContain("cannot reach the team repository");
    expect(offline.stderr).toContain("run ppppt team leave again");
    expect(existsSync(dana.clone)).toBe(true);
    const r = await team(dana, "leave");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(existsSync(dana.clone)).toBe(false);
    expect(git(bare, "ls-tree", "-r", "--name-only", "main")).not.toContain("members/dana/");
    expect((await team(lee, "sync")).code).toBe(0);
    const after = JSON.parse((await team(lee, "balance", "--json")).stdout);
    expect(after.people.map((p: { name: string }) => p.name)).toEqual(["lee", "sam"]);
    const gone = await team(dana, "sync");
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain("you are not in a team on this machine");
  });
});
