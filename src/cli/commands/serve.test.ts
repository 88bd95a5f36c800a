import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPpppt } from "../fake-io.js";

const bin = join(import.meta.dirname, "..", "..", "..", "bin", "ppppt.cjs");

// Starting the server for real is covered by web/e2e (the built command in its own process).
describe("ppppt serve", () => {
  it("documents its options with an example", async () => {
    const r = await runPpppt(["serve", "--help"]);
    expect(r.code).toBe(0);
    for (const word of ["--port", "--no-open", "--host", "--demo", "Example"]) {
      expect(r.stdout).toContain(word);
    }
  });

  it("refuses a port that is not a port", async () => {
    const r = await runPpppt(["serve", "--port", "http"], { PPPPT_FILE: "/nonexistent/todo.txt" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'http' is invalid. not a whole number");
    const high = await runPpppt(["serve", "--port", "70000"], {
      PPPPT_FILE: "/nonexistent/todo.txt",
    });
    expect(high.code).toBe(1);
    expect(high.stderr).toContain("--port 70000 is not a port");
  });

  it("reports a missing docket before starting anything", async () => {
    const r = await runPpppt(["serve", "--no-open"], { PPPPT_FILE: "/nonexistent/todo.txt" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no docket at /nonexistent/todo.txt");
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`removes the demo's temporary folder when stopped by ${signal}`, async () => {
      // The demo goes to os.tmpdir(), which follows TMPDIR: a folder of this test's own.
      const temp = mkdtempSync(join(tmpdir(), "ppppt-serve-tmp-"));
      try {
        const child = spawn(process.execPath, [bin, "serve", "--demo", "--no-open"], {
          stdio: ["ignore", "pipe", "inherit"],
          env: { ...process.env, TMPDIR: temp, PPPPT_CACHE: `${temp}-cache` },
        });
        let out = "";
        await new Promise<void>((resolve) =>
          child.stdout.on("data", (chunk: Buffer) => {
            out += chunk.toString();
            if (out.includes("Dashboard:")) resolve();
          }),
        );
        expect(readdirSync(temp).filter((n) => n.startsWith("ppppt-demo-"))).toHaveLength(1);
        const exited = new Promise<string>((resolve) =>
          child.once("exit", (code, sig) => resolve(`${code} ${sig}`)),
        );
        child.kill(signal);
        expect(await exited).toBe("0 null");
        expect(readdirSync(temp)).toEqual([]);
      } finally {
        rmSync(temp, { recursive: true, force: true });
        rmSync(`${temp}-cache`, { recursive: true, force: true });
      }
    });
  }
});
