import { readFileSync, rmSync } from "node:fs";
import { afterEach, beforeEach, expect } from "vitest";
import { runPpppt, type TempDocket, tempDocket } from "./fake-io.js";
import type { FileSummary } from "./import-run.js";

/**
 * What the import and export tests share: a fresh docket per test (in UTC on 2026-11-25
 * unless a test sets TZ), and ways to run ppppt on it and read it back.
 */
export interface ImportKit {
  readonly t: TempDocket;
  env: Record<string, string>;
  run(...args: string[]): ReturnType<typeof runPpppt>;
  docket(): string;
  lines(): string[];
  /** `ppppt import KIND --json ARGS`, which must succeed quietly; its summary. */
  importJson(kind: string, ...args: string[]): Promise<FileSummary>;
}

export function useImportDocket(): ImportKit {
  let t: TempDocket | undefined;
  const kit: ImportKit = {
    get t() {
      return t as TempDocket;
    },
    env: {},
    run: (...args) => runPpppt(args, kit.env),
    docket: () => readFileSync(kit.t.file, "utf8"),
    lines: () =>
      kit
        .docket()
        .split("\n")
        .filter((l) => l !== ""),
    async importJson(kind, ...args) {
      const r = await kit.run("import", kind, "--json", ...args);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout) as FileSummary;
    },
  };
  beforeEach(() => {
    t = tempDocket("");
    kit.env = { ...t.env, PPPPT_TODAY: "2026-11-25", TZ: "UTC" };
  });
  afterEach(() => rmSync(kit.t.dir, { recursive: true, force: true }));
  return kit;
}
