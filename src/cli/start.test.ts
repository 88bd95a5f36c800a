import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codeCachePath } from "../store/code-cache-file.js";

// The bundled command as users run it (npm test builds dist/ first): the start-up bundle and
// the code it keeps for the CLI's bundle in the cache folder.
const root = join(import.meta.dirname, "..", "..");
const bin = join(root, "bin", "ppppt.cjs");
const hasCompileCache = "enableCompileCache" in (await import("node:module")).default;

function run(cache: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", PPPPT_CACHE: cache, NODE_OPTIONS: "", ...env },
  });
}

const codeFiles = (cache: string) => {
  try {
    return readdirSync(cache).filter((f) => f.startsWith("code-"));
  } catch {
    return [];
  }
};

// Node 22+ keeps compiled code itself (module.enableCompileCache) and writes none of these.
describe.skipIf(hasCompileCache)("the start-up's code cache (Node 20)", () => {
  it("is written by the first run of a command and read, not rewritten, by the next", () => {
    const cache = mkdtempSync(join(tmpdir(), "ppppt-code-cache-"));
    const first = run(cache, ["--version"]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toBe("0.1.0\n");
    const [file] = codeFiles(cache);
    expect(codeFiles(cache)).toEqual([expect.stringMatching(/^code-\w{16}-v\d+.*-none\.v8$/)]);
    const path = join(cache, file as string);
    const written = statSync(path);
    expect(written.size).toBeGreaterThan(1000);
    expect(written.mode & 0o777).toBe(0o600);

    const second = run(cache, ["--version"]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toBe("0.1.0\n");
    // A file V8 accepted is left alone: the same file, not one renamed over it.
    expect(statSync(path).ino).toBe(written.ino);
  });

  it("keeps one file per command, so each has the code its own run compiled", () => {
    const cache = mkdtempSync(join(tmpdir(), "ppppt-code-cache-"));
    const dir = mkdtempSync(join(tmpdir(), "ppppt-code-cache-docket-"));
    const file = join(dir, "todo.txt");
    writeFileSync(file, "call Dana cat:people id:aaaa\n");
    expect(run(cache, ["--file", file, "list"]).status).toBe(0);
    expect(run(cache, ["--file", file, "show", "aaaa"]).status).toBe(0);
    expect(
      codeFiles(cache)
        .map((f) => f.replace(/^.*-/, ""))
        .sort(),
    ).toEqual(["list.v8", "show.v8"]);
  });

  it.each([
    ["bytes that are not a cache", () => Buffer.from("not V8's code at all\n".repeat(50))],
    ["a cut file", (good: Buffer) => good.subarray(0, good.length >> 1)],
    ["an empty file", () => Buffer.alloc(0)],
  ])("ignores %s, runs as usual, and writes the cache again", (_, damage) => {
    const cache = mkdtempSync(join(tmpdir(), "ppppt-code-cache-"));
    expect(run(cache, ["--version"]).status).toBe(0);
    const path = join(cache, codeFiles(cache)[0] as string);
    const good = readFileSync(path);
    const bad = damage(good);
    writeFileSync(path, bad);

    const r = run(cache, ["--version"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe("0.1.0\n");
    expect(r.stderr).toBe("");
    const rewritten = readFileSync(path);
    expect(rewritten.equals(bad)).toBe(false);
    expect(rewritten.length).toBeGreaterThan(1000);
    // And the rewritten one is read back as it should be.
    const ino = statSync(path).ino;
    expect(run(cache, ["--version"]).status).toBe(0);
    expect(statSync(path).ino).toBe(ino);
  });

  it("removes the code kept for other builds when it writes its own, and nothing else", () => {
    const cache = mkdtempSync(join(tmpdir(), "ppppt-code-cache-"));
    const stale = "code-0000000000000000-v20.20.2-x64-list.v8";
    writeFileSync(join(cache, stale), "old build's code");
    writeFileSync(join(cache, "guesses-todo-3f9a2c1e.txt"), "a guess cache");
    expect(run(cache, ["--version"]).status).toBe(0);
    const names = readdirSync(cache);
    expect(names).not.toContain(stale);
    expect(names).toContain("guesses-todo-3f9a2c1e.txt");
    expect(codeFiles(cache)).toHaveLength(1);
  });

  it("writes nothing for a command line that does not parse (a typo is not a command)", () => {
    const cache = mkdtempSync(join(tmpdir(), "ppppt-code-cache-"));
    const r = run(cache, ["lsit"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'lsit'/);
    expect(codeFiles(cache)).toEqual([]);
  });

  it("runs as usual when the cache folder cannot be made", () => {
    const r = run("/dev/null/no-cache", ["--version"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe("0.1.0\n");
    expect(r.stderr).toBe("");
  });

  it("keeps the code of runs with other V8 flags apart", () => {
    const cache = mkdtempSync(join(tmpdir(), "ppppt-code-cache-"));
    expect(run(cache, ["--version"]).status).toBe(0);
    expect(run(cache, ["--version"], { NODE_OPTIONS: "--max-old-space-size=300" }).status).toBe(0);
    expect(codeFiles(cache)).toHaveLength(2);
  });
});

describe("codeCachePath", () => {
  const key = { bundleHash: "0123456789abcdef", node: "v20.20.2", arch: "x64", flags: "" };

  it("names the bundle, the Node, the flags and the command", () => {
    expect(codeCachePath({ PPPPT_CACHE: "/c" }, { ...key, command: "list" })).toBe(
      "/c/code-0123456789abcdef-v20.20.2-x64-list.v8",
    );
    expect(
      codeCachePath({ PPPPT_CACHE: "/c" }, { ...key, command: "list", flags: "--inspect" }),
    ).toMatch(/^\/c\/code-0123456789abcdef-v20\.20\.2-x64-[0-9a-f]{8}-list\.v8$/);
  });

  it("never puts a word that is not a command name into the file name", () => {
    for (const command of ["../../etc/passwd", "a b", "LIST", "x".repeat(40), ""]) {
      expect(codeCachePath({ PPPPT_CACHE: "/c" }, { ...key, command })).toBe(
        "/c/code-0123456789abcdef-v20.20.2-x64-other.v8",
      );
    }
  });
});

describe("what a command loads", () => {
  it("reads no schema library (zod, yaml) for an add when there is no config file to check", () => {
    const dir = mkdtempSync(join(tmpdir(), "ppppt-loads-"));
    const file = join(dir, "todo.txt");
    writeFileSync(file, "call Dana cat:people id:aaaa\n");
    const probe = join(dir, "probe.cjs");
    writeFileSync(
      probe,
      'const M = require("node:module"); const load = M._load; M._load = function (r, ...a) { if (/vendor\\/(zod|yaml)\\.cjs$/.test(r)) require("node:fs").writeSync(2, r + "\\n"); return load.call(this, r, ...a); };',
    );
    const add = (config: string) =>
      spawnSync(process.execPath, ["-r", probe, bin, "--file", file, "add", "Review the RFC"], {
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", PPPPT_CACHE: dir, PPPPT_CONFIG: config },
      });
    const none = add(join(dir, "no-config.yaml"));
    expect(none.status, none.stderr).toBe(0);
    expect(none.stderr).toBe("");
    // With a config file, it is checked as before.
    writeFileSync(join(dir, "config.yaml"), "people:\n  - dana\n");
    const some = add(join(dir, "config.yaml"));
    expect(some.status, some.stderr).toBe(0);
    expect(some.stderr).toMatch(/zod\.cjs/);
    writeFileSync(join(dir, "bad.yaml"), "role: emperor\n");
    const bad = add(join(dir, "bad.yaml"));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/emperor/);
  });
});
