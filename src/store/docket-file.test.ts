import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendItem, itemLines } from "../core/docket/docket.js";
import { parseDocket } from "../core/docket/parse.js";
import { PpppptError } from "../core/errors.js";
import { acquireLock, createDocketFile, readDocketFile, updateDocketFile } from "./docket-file.js";

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ppppt-store-"));
  file = join(dir, "todo.txt");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const worker = (name: string) => join(import.meta.dirname, "test-workers", name);
const add = (text: string) => (docket: Parameters<typeof appendItem>[0]) => {
  const r = appendItem(docket, text);
  return { docket: r.docket, result: r.line.id };
};

describe("writing", () => {
  it("changes only what the change changed", async () => {
    const original = "\uFEFF# mine\r\nkeep\tme  \r\n\nbad due:x\r\nlast";
    writeFileSync(file, original);
    await updateDocketFile(file, add("new id:abcd"));
    expect(readFileSync(file, "utf8")).toBe(`${original}\r\nnew id:abcd\r\n`);
  });

  it("writes nothing when the change changes nothing", async () => {
    writeFileSync(file, "one\n");
    utimesSync(file, new Date(2000, 0, 1), new Date(2000, 0, 1));
    await updateDocketFile(file, (docket) => ({ docket, result: 0 }));
    expect(readFileSync(file, "utf8")).toBe("one\n");
    expect(statSync(file).mtime.getFullYear()).toBe(2000);
  });

  it("creates the docket and its folder once, never overwriting", async () => {
    const deep = join(dir, "a", "b", "todo.txt");
    expect(await createDocketFile(deep)).toBe(true);
    writeFileSync(deep, "mine\n");
    expect(await createDocketFile(deep)).toBe(false);
    expect(readFileSync(deep, "utf8")).toBe("mine\n");
  });
});

describe("bad files", () => {
  it("says how to create a missing docket", async () => {
    await expect(readDocketFile(file)).rejects.toThrow(/no docket at .*todo.txt/);
    await expect(updateDocketFile(file, add("x"))).rejects.toThrow(/no docket/);
  });

  it("refuses to write a read-only docket and leaves it as it was", async () => {
    writeFileSync(file, "one\n");
    chmodSync(file, 0o444);
    await expect(updateDocketFile(file, add("x"))).rejects.toThrow(/permission denied/);
    expect(readFileSync(file, "utf8")).toBe("one\n");
  });

  it("says so when the path is a folder, for reading and for writing", async () => {
    mkdirSync(file);
    await expect(readDocketFile(file)).rejects.toThrow(/is a folder/);
    await expect(updateDocketFile(file, add("x"))).rejects.toThrow(/is a folder/);
    await expect(createDocketFile(file)).rejects.toThrow(/is a folder/);
    expect(statSync(file).isDirectory()).toBe(true);
  });

  it("refuses a FIFO without blocking on it, and leaves it a FIFO", async () => {
    expect(spawnSync("mkfifo", [file]).status).toBe(0);
    await expect(readDocketFile(file)).rejects.toThrow(
      /todo.txt is a named pipe \(FIFO\), not a docket file/,
    );
    await expect(updateDocketFile(file, add("x"))).rejects.toThrow(/named pipe/);
    await expect(createDocketFile(file)).rejects.toThrow(/named pipe/);
    expect(statSync(file).isFIFO()).toBe(true);
  });

  it("refuses a character device for reading", async () => {
    await expect(readDocketFile("/dev/null")).rejects.toThrow(
      /\/dev\/null is a character device, not a docket file/,
    );
  });

  it.skipIf(process.getuid?.() !== 0)(
    "refuses to write a character device, and leaves it a device",
    async () => {
      // A copy of /dev/null in the test's folder: were the refusal broken, only the copy goes.
      expect(spawnSync("mknod", [file, "c", "1", "3"]).status).toBe(0);
      await expect(updateDocketFile(file, add("x"))).rejects.toThrow(/character device/);
      await expect(createDocketFile(file)).rejects.toThrow(/character device/);
      expect(statSync(file).isCharacterDevice()).toBe(true);
    },
  );

  it("refuses a socket", async () => {
    const server = createServer().listen(file);
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      await expect(readDocketFile(file)).rejects.toThrow(/socket, not a docket file/);
      await expect(updateDocketFile(file, add("x"))).rejects.toThrow(/socket/);
    } finally {
      server.close();
    }
  });

  it("writes through a symlink to the file it names, keeping the link", async () => {
    const target = join(dir, "real.txt");
    writeFileSync(target, "one\n");
    symlinkSync(target, file);
    expect((await readDocketFile(file)).bytes.toString()).toBe("one\n");
    await updateDocketFile(file, add("two id:abcd"));
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toBe("one\ntwo id:abcd\n");
  });

  it("says clearly that a folder on the way to a new docket is a file", async () => {
    writeFileSync(join(dir, "plain"), "");
    await expect(createDocketFile(join(dir, "plain", "todo.txt"))).rejects.toThrow(
      /cannot create .*plain\/todo.txt: a part of its folder .*plain is a file, not a folder/,
    );
    await expect(readDocketFile(join(dir, "plain", "todo.txt"))).rejects.toThrow(
      /a part of that path is a file/,
    );
  });
});

describe("locking", () => {
  it("gives up on a lock held too long, with a message naming the lock", async () => {
    writeFileSync(file, "one\n");
    const release = await acquireLock(file, {});
    try {
      await expect(updateDocketFile(file, add("x"), { lockWaitMs: 300 })).rejects.toThrow(
        /locked by another ppppt process/,
      );
      expect(readFileSync(file, "utf8")).toBe("one\n");
    } finally {
      await release();
    }
  });

  it("waits for a held lock as long as it says it waited, not longer", async () => {
    writeFileSync(file, "one\n");
    const release = await acquireLock(file, {});
    try {
      const started = Date.now();
      const error = await updateDocketFile(file, add("x"), { lockWaitMs: 2_000 }).catch(
        (e: unknown) => e as PpppptError,
      );
      const waited = Date.now() - started;
      expect(error).toBeInstanceOf(PpppptError);
      expect((error as PpppptError).hint).toMatch(/^Waited 2s\./);
      // Not a speed test: the bound is the promise the message makes (give or take one try).
      expect(waited).toBeGreaterThanOrEqual(2_000);
      expect(waited).toBeLessThan(3_500);
    } finally {
      await release();
    }
  });

  it("takes over a lock left behind by a crashed process", async () => {
    writeFileSync(file, "one\n");
    mkdirSync(`${file}.lock`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    await updateDocketFile(file, add("two id:abcd"), { lockWaitMs: 1_000 });
    expect(readFileSync(file, "utf8")).toBe("one\ntwo id:abcd\n");
  });

  it("loses no item when 20 processes add 50 items each at once", async () => {
    writeFileSync(file, "# shared docket\n");
    const runs = Array.from(
      { length: 20 },
      (_, w) =>
        new Promise<number>((resolve) => {
          const child = spawn(
            process.execPath,
            ["--import", "tsx", worker("add-many.ts"), file, String(w), "50"],
            {
              stdio: ["ignore", "ignore", "inherit"],
            },
          );
          child.on("exit", (code) => resolve(code ?? 1));
        }),
    );
    expect(await Promise.all(runs)).toEqual(Array(20).fill(0));
    const docket = parseDocket(readFileSync(file));
    const items = itemLines(docket);
    expect(items).toHaveLength(1000);
    expect(new Set(items.map((l) => l.id)).size).toBe(1000);
    for (let w = 0; w < 20; w++) {
      const mine = items.filter((l) => l.item.title.startsWith(`worker ${w} item`)).length;
      expect(mine).toBe(50);
    }
    expect(docket.lines.filter((l) => l.kind === "invalid")).toEqual([]);
    // Generous: on a two-core machine shared with other work this took up to 120 s.
  }, 300_000);
});

describe("concurrent writers outside ppppt", () => {
  it("re-applies its change on top of an edit saved between its read and its write", async () => {
    writeFileSync(file, "one\n");
    let calls = 0;
    await updateDocketFile(file, (docket) => {
      calls++;
      if (calls === 1) {
        // Another process (an editor) saves while ppppt is working.
        const r = spawnSync(process.execPath, [
          "-e",
          `require("fs").appendFileSync(${JSON.stringify(file)}, "from the editor\\n")`,
        ]);
        expect(r.status).toBe(0);
      }
      return add("from ppppt id:abcd")(docket);
    });
    expect(calls).toBe(2);
    expect(readFileSync(file, "utf8")).toBe("one\nfrom the editor\nfrom ppppt id:abcd\n");
  });

  it("leaves the old or the new file, never a broken one, when a writer is killed mid-write", async () => {
    // Two large dockets, so that a write takes long enough to be interrupted.
    const lines = (tag: string) =>
      Array.from(
        { length: 40_000 },
        (_, i) => `(B) 2026-11-0${(i % 9) + 1} ${tag} item ${i} +proj cat:tech id:${tag}${i}`,
      ).join("\n");
    const a = join(dir, "a.txt");
    const b = join(dir, "b.txt");
    writeFileSync(a, `${lines("a")}\n`);
    writeFileSync(b, `${lines("b")}\n`);
    const versions = [readFileSync(a), readFileSync(b)];
    writeFileSync(file, versions[0] as Buffer);
    for (let round = 0; round < 8; round++) {
      const child: ChildProcess = spawn(
        process.execPath,
        ["--import", "tsx", worker("rewrite-forever.ts"), file, a, b],
        {
          stdio: ["ignore", "pipe", "inherit"],
        },
      );
      await new Promise<void>((resolve) => child.stdout?.once("data", () => resolve()));
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 400));
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      const now = readFileSync(file);
      expect(versions.some((v) => Buffer.compare(v, now) === 0)).toBe(true);
      rmSync(`${file}.lock`, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("what a killed writer leaves behind", () => {
  it("is cleaned up by the next write: its temp file and its lock folder, nothing else", async () => {
    const lines = (tag: string) =>
      Array.from({ length: 40_000 }, (_, i) => `${tag} item ${i} +proj cat:tech id:${tag}${i}`);
    const a = join(dir, "a.txt");
    const b = join(dir, "b.txt");
    writeFileSync(a, `${lines("a").join("\n")}\n`);
    writeFileSync(b, `${lines("b").join("\n")}\n`);
    writeFileSync(file, readFileSync(a));
    // The user's own files beside the docket, some named much like a temp file.
    const mine = ["todo.txt.bak", "todo.txt.1700000000", "todo.txt.ppppt-1-x.tmp", "notes.txt"];
    for (const name of mine) writeFileSync(join(dir, name), "mine\n");
    const before = new Set(readdirSync(dir));
    const child = spawn(
      process.execPath,
      ["--import", "tsx", worker("rewrite-forever.ts"), file, a, b],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    await new Promise<void>((resolve) => child.stdout?.once("data", () => resolve()));
    // Killed while a temp file is being written, as a sync client would find it.
    const leftover = () => readdirSync(dir).filter((n) => !before.has(n) && n !== "todo.txt.lock");
    while (leftover().length === 0) await new Promise((r) => setTimeout(r, 1));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(leftover().length).toBeGreaterThan(0);
    expect(readdirSync(dir)).toContain("todo.txt.lock");

    await updateDocketFile(file, add("after the crash id:zzzz"), { staleMs: 2_000 });
    expect(new Set(readdirSync(dir))).toEqual(before);
    for (const name of mine) expect(readFileSync(join(dir, name), "utf8")).toBe("mine\n");
    expect(readFileSync(file, "utf8")).toMatch(/after the crash id:zzzz\n$/);
  }, 60_000);

  it("leaves a temp file alone while the process that writes it may still be at work", async () => {
    writeFileSync(file, "one\n");
    // pid 1 is always alive: a fresh temp file of a live process is kept, an old one is not.
    const fresh = join(dir, "todo.txt.ppppt-1-0123abcd.tmp");
    const old = join(dir, "todo.txt.ppppt-1-89abcdef.tmp");
    const dead = join(dir, "done.txt.ppppt-99999999-00000000.tmp");
    for (const f of [fresh, old, dead]) writeFileSync(f, "partial");
    const long = new Date(Date.now() - 60_000);
    utimesSync(old, long, long);
    await updateDocketFile(file, add("two id:abcd"));
    expect(readdirSync(dir).sort()).toEqual(["todo.txt", "todo.txt.ppppt-1-0123abcd.tmp"]);
  });
});

describe("writers that take no lock, racing ppppt commands", () => {
  // The built command as users run it (npm test builds dist/ first); a process start of the
  // bundle is a tenth of tsx's, which keeps five rounds of 25 commands short.
  const bin = join(import.meta.dirname, "..", "..", "bin", "ppppt.cjs");
  const run = (args: string[]) =>
    new Promise<number>((resolve) => {
      const child = spawn(process.execPath, [bin, "--file", file, ...args], {
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, NO_COLOR: "1", PPPPT_CACHE: join(dir, "cache") },
      });
      child.on("exit", (code) => resolve(code ?? 1));
    });

  it("loses none of 200 lines a shell loop appends while 20 adds, 5 dones and an archive run", async () => {
    for (let round = 0; round < 5; round++) {
      const ids = ["aaaa", "bbbb", "cccc", "dddd", "eeee"];
      writeFileSync(file, `${ids.map((id) => `open item ${id} cat:tech id:${id}`).join("\n")}\n`);
      // `echo >> file` as a user's script (or todotxt-cli's `add`) does: no lock, the file
      // opened and appended to in place, 200 times, spread over the time the commands run.
      const loop = new Promise<number>((resolve) => {
        const child = spawn(
          "sh",
          [
            "-c",
            'i=1; while [ $i -le 200 ]; do echo "appended line $i" >> "$1"; i=$((i+1)); sleep 0.01; done',
            "sh",
            file,
          ],
          { stdio: "inherit" },
        );
        child.on("exit", (code) => resolve(code ?? 1));
      });
      const commands = [
        ...Array.from({ length: 20 }, (_, n) => run(["add", "--cat", "tech", `race add ${n}`])),
        ...ids.map((id) => run(["done", id])),
        run(["archive"]),
      ];
      expect(await Promise.all([loop, ...commands])).toEqual(Array(27).fill(0));
      const lines = readFileSync(file, "utf8").split("\n");
      const done = join(dir, "done.txt");
      const archived = existsSync(done) ? readFileSync(done, "utf8").split("\n") : [];
      rmSync(done, { force: true });
      for (let i = 1; i <= 200; i++) {
        expect(
          lines.filter((l) => l === `appended line ${i}`),
          `round ${round}`,
        ).toHaveLength(1);
      }
      for (let n = 0; n < 20; n++) {
        expect(lines.filter((l) => l.includes(` race add ${n} `))).toHaveLength(1);
      }
      for (const id of ids) {
        // Done, and archived or not, but in exactly one of the two files.
        const both = [...lines, ...archived];
        expect(both.filter((l) => l.startsWith("x ") && l.includes(`id:${id}`))).toHaveLength(1);
      }
    }
  }, 300_000);
});
