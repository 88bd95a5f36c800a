import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runPpppt } from "../cli/fake-io.js";
import { createDashboardApp } from "./app.js";

const TOKEN = "deck-token";
const PORT = 4568;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const TODAY = "2026-11-25";
const DOCKET = [
  "x 2026-11-24 1:1 with Dana about the promo packet cat:people spent:1h",
  "x 2026-11-23 Ship the billing fix cat:tech spent:2h",
  "x 2026-11-22 Secret reorg planning cat:people spent:1h private:1",
  "2026-11-01 Approve the SRE hire cat:process ask:1",
  "",
].join("\n");

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ppppt-deck-server-"));
  file = join(dir, "todo.txt");
  await writeFile(file, DOCKET);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const env = () => ({ HOME: dir, XDG_CONFIG_HOME: join(dir, "config") });

function call(path: string) {
  const app = createDashboardApp({
    docketPath: file,
    token: TOKEN,
    port: () => PORT,
    today: () => TODAY,
    categoriser: async () => () => undefined,
    env: env(),
    learn: async () => {},
  });
  return app.request(`${ORIGIN}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
}

describe("GET /api/deck", () => {
  it("serves the same story `ppppt deck --json` prints", async () => {
    const res = await call("/api/deck?period=7d");
    expect(res.status).toBe(200);
    const served = await res.json();
    const cli = await runPpppt(["deck", "--json", "--last", "7d"], {
      ...env(),
      PPPPT_FILE: file,
      PPPPT_TODAY: TODAY,
    });
    expect(served).toEqual(JSON.parse(cli.stdout));
    expect(served.slides.map((s: { title: string }) => s.title)).toContain("Asks");
    expect(JSON.stringify(served)).not.toContain("Secret reorg");
  });

  it("redacts names when asked, and refuses a period it cannot read", async () => {
    const redacted = JSON.stringify(await (await call("/api/deck?redact=1")).json());
    expect(redacted).not.toContain("Dana");
    expect(redacted).toContain("1:1 with D.");
    const bad = await call("/api/deck?period=fortnight");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toContain('"fortnight" is not a period');
  });
});

describe("GET /api/deck.pptx", () => {
  it("downloads the .pptx, a zip whose slides unzip reads", async () => {
    const res = await call("/api/deck.pptx?period=week");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    );
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="status-${TODAY}.pptx"`,
    );
    const out = join(dir, "download.pptx");
    await writeFile(out, Buffer.from(await res.arrayBuffer()));
    const slide = execFileSync("unzip", ["-p", out, "ppt/slides/slide1.xml"], { encoding: "utf8" });
    expect(slide).toContain("Weekly status 2026-W48");
  });
});
