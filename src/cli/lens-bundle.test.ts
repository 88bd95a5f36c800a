import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The lens through the bundled command (npm test builds dist/ first): the shipped playbook
// must be found from dist/cli.cjs, where the playbook reader lands after bundling.
const root = join(import.meta.dirname, "..", "..");
const bin = join(root, "bin", "ppppt.cjs");
// The guess cache goes to a temporary folder, never the real home's.
const cache = mkdtempSync(join(tmpdir(), "ppppt-lens-bin-cache-"));

function ppppt(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    cwd: tmpdir(),
    env: { ...process.env, NO_COLOR: "1", PPPPT_TODAY: "2026-11-25", PPPPT_CACHE: cache, ...env },
  });
}

describe("the built ppppt's lens", () => {
  it("writes the demo, then balances, reviews, ranks and plans over it", () => {
    const dir = mkdtempSync(join(tmpdir(), "ppppt-lens-bin-"));
    const env = { PPPPT_FILE: join(dir, "todo.txt"), PPPPT_CONFIG: join(dir, "config.yaml") };
    expect(ppppt(["demo"], env).status).toBe(0);
    const balance = JSON.parse(ppppt(["balance", "--quarter", "--json"], env).stdout);
    expect(balance.balance.basis).toBe("time");
    expect(ppppt(["review"], env).stdout).toContain("Focus: Public");
    expect(JSON.parse(ppppt(["next", "--json"], env).stdout).items).toHaveLength(5);
    const playbook = JSON.parse(ppppt(["playbook", "--json"], env).stdout);
    expect(playbook.length).toBeGreaterThanOrEqual(40);
    expect(ppppt(["plan"], env).status).toBe(0);
  }, 120_000);
});
