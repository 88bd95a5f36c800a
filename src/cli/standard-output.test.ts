import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Through the built command (npm test builds dist/ first), whose output goes to descriptors 1
// and 2 rather than through process.stdout.
const root = join(import.meta.dirname, "..", "..");
const bin = join(root, "bin", "ppppt.cjs");
const cache = mkdtempSync(join(tmpdir(), "ppppt-output-cache-"));
const env = { ...process.env, NO_COLOR: "1", PPPPT_CACHE: cache, PPPPT_TODAY: "2026-11-25" };

function docket(items: number): string {
  const dir = mkdtempSync(join(tmpdir(), "ppppt-output-"));
  const file = join(dir, "todo.txt");
  let text = "";
  for (let i = 0; i < items; i++) text += `Review RFC number ${i} for the platform team cat:tech\n`;
  writeFileSync(file, text);
  return file;
}

describe("the command's output", () => {
  it("ends quietly, with the command's status, when the reader closes the pipe early", () => {
    const file = docket(20_000);
    const r = spawnSync(
      "bash",
      [
        "-c",
        `"${process.execPath}" "${bin}" --file "${file}" list | head -c 100 >/dev/null; echo "status \${PIPESTATUS[0]}" >&2`,
      ],
      { encoding: "utf8", env },
    );
    expect(r.stderr).toBe("status 0\n");
  });

  it("writes a list far larger than a pipe's buffer whole, in order", () => {
    const file = docket(20_000);
    const r = spawnSync(process.execPath, [bin, "--file", file, "list"], {
      encoding: "utf8",
      env,
      maxBuffer: 1 << 28,
    });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("Tech (20000)");
    expect(lines).toHaveLength(20_002);
    expect(lines.at(-1)).toBe("20000 of 20000 items shown");
    expect(
      new Set(lines.slice(1, -1).map((l) => l.replace(/^.*number (\d+) .*$/, "$1"))).size,
    ).toBe(20_000);
  });

  it("is written without building Node's stream objects (a pipe's would load node:net)", () => {
    const file = docket(3);
    const dir = mkdtempSync(join(tmpdir(), "ppppt-output-probe-"));
    const probe = join(dir, "probe.cjs");
    writeFileSync(
      probe,
      'process.on("exit", () => require("node:fs").writeSync(2, process.moduleLoadList.filter((m) => m === "NativeModule net").join(",")));',
    );
    const r = spawnSync(process.execPath, ["-r", probe, bin, "--file", file, "list"], {
      encoding: "utf8",
      env,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/3 of 3 items shown/);
    expect(r.stderr).toBe("");
  });
});
