import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPpppt } from "../cli/fake-io.js";
import { ROI_FIXTURE, ROI_TODAY } from "../core/roi/roi-fixture.js";
import { createDashboardApp } from "./app.js";

const TOKEN = "roi-token";
const ORIGIN = "http://127.0.0.1:4568";
let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ppppt-roi-server-"));
  file = join(dir, "todo.txt");
  await writeFile(file, ROI_FIXTURE);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("GET /api/roi", () => {
  it("serves the whole report, its proposals as `ppppt roi --json` prints them", async () => {
    const app = createDashboardApp({
      docketPath: file,
      token: TOKEN,
      port: () => 4568,
      today: () => ROI_TODAY,
      categoriser: async () => () => undefined,
      env: { HOME: dir, XDG_CONFIG_HOME: join(dir, "config") },
    });
    const res = await app.request(`${ORIGIN}/api/roi`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    const cli = await runPpppt(["roi", "--json", "--today", ROI_TODAY], { PPPPT_FILE: file });
    expect(body.proposals).toEqual(JSON.parse(cli.stdout).proposals);
    expect(body.stopped.map((s: { id: string }) => s.id)).toEqual(["qu07"]);
    expect(body.portfolio).toEqual({ medianRice: 50, medianEffort: 4, done: 1 });
  });
});
