import { spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
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
  it.skipIf(!existsSync("/dev/full"))(
    "says in one line that it cannot write its output to a full disk, status 1",
    () => {
      const dir = mkdtempSync(join(tmpdir(), "ppppt-bin-"));
      const file = join(dir, "todo.txt");
      writeFileSync(file, "Review the RFC cat:tech id:aaaa\n");
      const full = openSync("/dev/full", "w");
      try {
        const r = spawnSync(process.execPath, [bin, "--file", file, "list"], {
          encoding: "utf8",
          stdio: ["ignore", full, "pipe"],
          env: { ...process.env, NO_COLOR: "1", PPPPT_CACHE: cache },
        });
        expect(r.stderr).toBe("ppppt: cannot write the output: no space left on the device\n");
        expect(r.status).toBe(1);
      } finally {
        closeSync(full);
      }
    },
  );

  it("refuses a FIFO as the docket at once, for list and for add, status 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "ppppt-bin-"));
    const fifo = join(dir, "todo.txt");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    for (const args of [["list"], ["add", "x"]]) {
      const r = spawnSync(process.execPath, [bin, "--file", fifo, ...args], {
        encoding: "utf8",
        timeout: 20_000, // were it to block on the FIFO, the test fails instead of hanging
        env: { ...process.env, NO_COLOR: "1", PPPPT_CACHE: cache },
      });
      expect(r.stderr).toMatch(/^ppppt: .*todo.txt is a named pipe \(FIFO\), not a docket file/);
      expect(r.status).toBe(1);
    }
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it.skipIf(process.getuid?.() !== 0)("leaves a device given as the docket a device", () => {
    // A copy of /dev/null in a folder of the test's own, as root can make one.
    const dir = mkdtempSync(join(tmpdir(), "ppppt-bin-"));
    const device = join(dir, "null");
    expect(spawnSync("mknod", [device, "c", "1", "3"]).status).toBe(0);
    const r = ppppt(["--file", device, "add", "x"]);
    expect(r.stderr).toMatch(/null is a character device, not a docket file/);
    expect(r.status).toBe(1);
    expect(statSync(device).isCharacterDevice()).toBe(true);
  });

  it("says in one line that init cannot make a folder where a file is, status 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "ppppt-bin-"));
    writeFileSync(join(dir, "plain"), "");
    const r = ppppt(["--file", join(dir, "plain", "todo.txt"), "init"]);
    expect(r.stderr).toMatch(
      /^ppppt: cannot create .*: a part of its folder .* is a file, not a folder\n$/,
    );
    expect(r.status).toBe(1);
  });

  it("is built", () => {
    expect(existsSync(join(root, "dist", "cli.cjs")), "run `npm run build` first").toBe(true);
  });

  it("carries every vendored library it loads on demand, with what the commands use", () => {
    const vendor = join(root, "dist", "vendor");
    const load = createRequire(join(vendor, "x.cjs"));
    const uses: Record<string, (m: Record<string, unknown>) => unknown> = {
      "chrono.cjs": (m) => m.parse,
      "ical.cjs": (m) => ((m.default ?? m) as Record<string, unknown>).Component,
      "windows-iana.cjs": (m) => m.findIana,
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

  it("imports a calendar through the real process (ical.js and windows-iana from their bundles)", () => {
    const dir = mkdtempSync(join(tmpdir(), "ppppt-bin-"));
    const env = { PPPPT_FILE: join(dir, "todo.txt"), PPPPT_CONFIG: join(dir, "config.yaml") };
    writeFileSync(env.PPPPT_FILE, "");
    const cal = join(dir, "work.ics");
    writeFileSync(
      cal,
      "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:w\r\nSUMMARY:Design review\r\n" +
        "DTSTART;TZID=Pacific Standard Time:20261102T090000\r\nDURATION:PT1H\r\n" +
        "RRULE:FREQ=DAILY;COUNT=3\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    );
    const r = ppppt(
      ["import", "calendar", cal, "--from", "2026-11-01", "--to", "2026-12-01", "--json"],
      env,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ timed: 3, minutes: 180 });
    expect(readFileSync(join(dir, "todo.calendar.tsv"), "utf8")).toContain(
      "2026-11-02T09:00-08:00",
    );
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
});
