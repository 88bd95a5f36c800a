import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contentVersion, type DocketWatch, watchDocket } from "./docket-watch.js";

let dir: string;
let file: string;
let watch: DocketWatch | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ppppt-watch-"));
  file = join(dir, "todo.txt");
  await writeFile(file, "first cat:tech\n");
});
afterEach(async () => {
  watch?.close();
  await rm(dir, { recursive: true, force: true });
});

function nextChange(w: DocketWatch): Promise<string> {
  return new Promise((resolve) => {
    const off = w.subscribe((v) => {
      off();
      resolve(v);
    });
  });
}

describe("watchDocket", () => {
  it("starts at the hash of the file's content", async () => {
    watch = await watchDocket(file);
    expect(watch.version()).toBe(contentVersion(new TextEncoder().encode("first cat:tech\n")));
  });

  it("reports a write in place", async () => {
    watch = await watchDocket(file, 5);
    const changed = nextChange(watch);
    await writeFile(file, "second cat:tech\n");
    expect(await changed).toBe(contentVersion(new TextEncoder().encode("second cat:tech\n")));
  });

  it("keeps reporting after the file is replaced by a rename (an atomic write), twice", async () => {
    watch = await watchDocket(file, 5);
    for (const text of ["renamed once\n", "renamed twice\n"]) {
      const changed = nextChange(watch);
      await writeFile(join(dir, "todo.txt.tmp"), text);
      await rename(join(dir, "todo.txt.tmp"), file);
      expect(await changed).toBe(contentVersion(new TextEncoder().encode(text)));
    }
  });

  it("ignores other files in the folder", async () => {
    watch = await watchDocket(file, 5);
    const seen: string[] = [];
    watch.subscribe((v) => seen.push(v));
    await writeFile(join(dir, "done.txt"), "x 2026-11-25 other\n");
    const changed = nextChange(watch);
    await writeFile(file, "after\n");
    await changed;
    expect(seen).toHaveLength(1);
  });
});
