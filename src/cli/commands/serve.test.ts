import { describe, expect, it } from "vitest";
import { runPpppt } from "../fake-io.js";

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
});
