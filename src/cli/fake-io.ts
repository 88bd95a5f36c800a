import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Env } from "../store/paths.js";
import type { CliIO } from "./io.js";
import { runCli } from "./main.js";

/** An in-memory terminal for running commands inside tests. */
export interface FakeIO extends CliIO {
  out: string[];
  err: string[];
}

let testCache: string | undefined;

/**
 * Tests never touch the real home: HOME points nowhere, and the cache (the guess cache) goes to
 * one temporary folder per test process unless a test names its own with PPPPT_CACHE.
 */
function testCacheDir(): string {
  testCache ??= mkdtempSync(join(tmpdir(), "ppppt-test-cache-"));
  return testCache;
}

export function fakeIO(env: Env = {}, stdin = ""): FakeIO {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readStdin: async () => stdin,
    env: { NO_COLOR: "1", HOME: "/nonexistent-home", PPPPT_CACHE: testCacheDir(), ...env },
    stdoutIsTTY: false,
    stdinIsTTY: stdin === "",
    now: () => new Date("2026-11-25T12:00:00"),
  };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `ppppt ...args` in-process against the docket at `file`. */
export async function runPpppt(args: string[], env: Env = {}, stdin = ""): Promise<RunResult> {
  const io = fakeIO(env, stdin);
  const code = await runCli(args, io);
  return { code, stdout: io.out.join(""), stderr: io.err.join("") };
}

export interface TempDocket {
  dir: string;
  file: string;
  /** Points ppppt at this docket and at a config file beside it. */
  env: { PPPPT_FILE: string; PPPPT_CONFIG: string };
}

/** A docket (and, if given, a config) in a fresh temporary folder. */
export function tempDocket(docket = "", config?: string): TempDocket {
  const dir = mkdtempSync(join(tmpdir(), "ppppt-test-"));
  const file = join(dir, "todo.txt");
  writeFileSync(file, docket);
  const configFile = join(dir, "config.yaml");
  if (config !== undefined) writeFileSync(configFile, config);
  return { dir, file, env: { PPPPT_FILE: file, PPPPT_CONFIG: configFile } };
}
