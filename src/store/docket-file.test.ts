import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendItem, itemLines } from "../core/docket/docket.js";
import { parseDocket } from "../core/docket/parse.js";
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
    expect((await import("node:fs")).statSync(file).mtime.getFullYear()).toBe(2000);
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

  it("says so when the path is a folder", async () => {
    mkdirSync(file);
    await expect(readDocketFile(file)).rejects.toThrow(/is a folder/);
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
  }, 120_000);
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
