import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readGuessCache, writeGuessCache } from "./guess-cache-file.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ppppt-guess-cache-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;

describe("the guess cache file", () => {
  it("holds the items' text for the user alone: the file 0600 in a folder made 0700", async () => {
    const path = join(dir, "cache", "ppppt", "guesses-todo-00000000.txt");
    await writeGuessCache(path, "Review the RFC\ttech\n");
    expect(readGuessCache(path)).toBe("Review the RFC\ttech\n");
    expect(mode(path)).toBe(0o600);
    expect(mode(join(dir, "cache", "ppppt"))).toBe(0o700);
    expect(mode(join(dir, "cache"))).toBe(0o700);
  });

  it("makes a cache file an older version left readable by others 0600", async () => {
    const path = join(dir, "guesses-todo-00000000.txt");
    writeFileSync(path, "old\n", { mode: 0o644 });
    await writeGuessCache(path, "new\n");
    expect(mode(path)).toBe(0o600);
  });
});
