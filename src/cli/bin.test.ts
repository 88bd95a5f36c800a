import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The bundled command as users run it (npm test builds dist/ first).
const root = join(import.meta.dirname, "..", "..");
const bin = join(root, "bin", "ppppt.cjs");
// The guess cache goes to a temporary folder, never the real home's.
const cache = mkdtempSync(join(tmpdir(), "ppppt-bin-cache-"));

function ppppt(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", PPPPT_CACHE: cache, ...env },
  });
}

describe("the built ppppt command", () => {
  it("is built", () => {
    expect(existsSync(join(root, "dist", "cli.cjs")), "run `npm run build` first").toBe(true);
  });

  it("carries every vendored library it loads on demand, with what the commands use", () => {
    const vendor = join(root, "dist", "vendor");
    const load = createRequire(join(vendor, "x.cjs"));
    const uses: Record<string, (m: Record<string, unknown>) => unknown> = {
      "chrono.cjs": (m) => m.parse,
      "server.cjs": (m) => m.Hono && m.streamSSE && m.serve,
      "prompts.cjs": (m) => m.select && m.intro,
      "proper-lockfile.cjs": (m) => m.lock,
      "write-file-atomic.cjs": (m) => typeof m === "function" && m,
      "yaml.cjs": (m) => m.parseDocument,
      "zod.cjs": (m) => (m.z as Record<string, unknown> | undefined)?.object,
    };
    expect(readdirSync(vendor).sort()).toEqual(Object.keys(uses).sort());
    for (const [file, used] of Object.entries(uses)) {
      expect(used(load(`./${file}`)), file).toBeTruthy();
    }
  });

  it("adds and lists through real processes with the documented exit codes", () => {
    const dir = mkdtempSync(join(tmpdir(), "ppppt-bin-"));
    const file = join(dir, "todo.txt");
    const env = { PPPPT_FILE: file, PPPPT_TODAY: "2026-11-25" };
    expect(ppppt(["list"], env).status).toBe(1);
    expect(ppppt(["init"], env).status).toBe(0);
    const add = ppppt(["add", "Write the Q1 blog post friday", "--cat", "public"], env);
    expect(add.status).toBe(0);
    expect(readFileSync(file, "utf8")).toMatch(
      /^2026-11-25 Write the Q1 blog post due:2026-11-27 cat:public id:\w{4}\n$/,
    );
    const list = ppppt(["list", "--json"], env);
    expect(JSON.parse(list.stdout)).toHaveLength(1);
    const bad = ppppt(["done", "nope"], env);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(
      'ppppt: no item has the id "nope"\nRun `ppppt list --all` to see every item with its id.\n',
    );
    expect(ppppt(["bogus"], env).status).toBe(2);
    writeFileSync(file, "bad cat:zzz\n");
    expect(ppppt(["check"], env).status).toBe(1);
  }, 120_000);

  it("starts `list` without loading node:child_process (commander's, made lazy by the build)", () => {
    const dir = mkdtempSync(join(tmpdir(), "ppppt-bin-"));
    const file = join(dir, "todo.txt");
    writeFileSync(file, "call Dana cat:people\n");
    // Node lists the built-in modules a process has loaded in process.moduleLoadList.
    const probe = join(dir, "probe.cjs");
    writeFileSync(
      probe,
      'process.on("exit", () => process.stderr.write(process.moduleLoadList.filter((m) => m.endsWith(" child_process")).join(",")));',
    );
    const run = spawnSync(process.execPath, ["-r", probe, bin, "list", "--file", file], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", PPPPT_CACHE: cache },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/call Dana/);
    expect(run.stderr).toBe("");
  });

  it("loads the date parser (chrono) only for a command that reads a date", () => {
    const dir = mkdtempSync(join(tmpdir(), "ppppt-bin-"));
    const file = join(dir, "todo.txt");
    const probe = join(dir, "probe.cjs");
    writeFileSync(
      probe,
      'const M = require("node:module"); const load = M._load; M._load = function (r, ...a) { if (r.includes("chrono")) process.stderr.write("chrono"); return load.call(this, r, ...a); };',
    );
    const loadsChrono = (...args: string[]) => {
      writeFileSync(file, "call Dana cat:people id:aaaa\n");
      const run = spawnSync(process.execPath, ["-r", probe, bin, "--file", file, ...args], {
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", PPPPT_CACHE: cache, PPPPT_TODAY: "2026-11-25" },
      });
      expect(run.status, run.stderr).toBe(0);
      return run.stderr.includes("chrono");
    };
    expect(loadsChrono("done", "aaaa")).toBe(false);
    expect(loadsChrono("log", "aaaa", "30m")).toBe(false);
    expect(loadsChrono("pri", "aaaa", "A")).toBe(false);
    expect(loadsChrono("start", "aaaa")).toBe(false);
    expect(loadsChrono("due", "aaaa", "friday")).toBe(true);
  }, 60_000);
});
