import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPpppt } from "../cli/fake-io.js";
import { createDashboardApp } from "./app.js";

const TOKEN = "health-token";
const ORIGIN = "http://127.0.0.1:4569";
let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ppppt-health-server-"));
  file = join(dir, "todo.txt");
  await writeFile(file, "");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("GET /api/health", () => {
  it("serves the flaky report and SLOs, and lets the CLI ingest between requests", async () => {
    const env = { HOME: dir, XDG_CONFIG_HOME: join(dir, "config") };
    const app = createDashboardApp({
      docketPath: file,
      token: TOKEN,
      port: () => 4569,
      today: () => "2026-11-29",
      categoriser: async () => () => undefined,
      env,
    });
    const get = async () => {
      const res = await app.request(`${ORIGIN}/api/health`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(res.status).toBe(200);
      return res.json();
    };
    expect((await get()).flaky.runs).toBe(0);
    const report = join(dir, "r.xml");
    await writeFile(
      report,
      '<testsuite name="s"><testcase name="t"><failure/></testcase><testcase name="t"/></testsuite>',
    );
    const ingest = await runPpppt(["health", "ingest", report], { PPPPT_FILE: file, ...env });
    expect(ingest.code, ingest.stderr).toBe(0);
    const body = await get();
    expect(body.flaky.runs).toBe(1);
    expect(body.flaky.tests[0]).toMatchObject({ testId: "s › t", status: "flaky" });
    expect(body.slos.map((s: { name: string }) => s.name)).toEqual([
      "ci-flaky-free",
      "bugs-resolved-in-time",
      "tech-debt-fresh",
    ]);
    expect(body.sloFile).toBeNull();
  });
});
