import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runPpppt, type TempDocket, tempDocket } from "../cli/fake-io.js";
import { createDashboardApp } from "./app.js";

const TOKEN = "assess-token";
const ORIGIN = "http://127.0.0.1:4572";
const TODAY = "2026-11-25";

let t: TempDocket;
beforeEach(() => {
  t = tempDocket("");
});
afterEach(() => rmSync(t.dir, { recursive: true, force: true }));

const app = () =>
  createDashboardApp({
    docketPath: t.file,
    token: TOKEN,
    port: () => 4572,
    today: () => TODAY,
    categoriser: async () => () => undefined,
    env: t.env,
  });
const call = (path: string, body?: unknown) =>
  app().request(`${ORIGIN}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      authorization: `Bearer ${TOKEN}`,
      origin: ORIGIN,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const saved = () => JSON.parse(readFileSync(join(t.dir, "assessment.json"), "utf8"));

describe("the self-assessment routes", () => {
  it("asks the questions `ppppt assess` asks, for the role, with nothing answered yet", async () => {
    const body = await (await call("/api/assessment")).json();
    expect(body.role).toBe("manager");
    expect(body.date).toBeNull();
    const playbook = await runPpppt(["playbook", "--json"], { ...t.env, PPPPT_TODAY: TODAY });
    const practices = (
      JSON.parse(playbook.stdout) as { id: string; prompt: string; roles: string[] }[]
    ).filter((p) => p.roles.includes("manager"));
    expect(body.questions.map((q: { id: string }) => q.id)).toEqual(practices.map((p) => p.id));
    expect(body.questions[0].prompt).toBe(practices[0]?.prompt);
    expect(body.scores.every((s: { answered: number }) => s.answered === 0)).toBe(true);
  });

  it("saves answers as `ppppt assess --answer` does, and scores them the same", async () => {
    const res = await call("/api/assessment", { answers: { "public-talk": "no" } });
    expect(res.status).toBe(200);
    await call("/api/assessment", { answers: { "public-blog-post": "partly" } });
    const last = await (
      await call("/api/assessment", { answers: { "tech-roi-check": "yes" } })
    ).json();
    expect(saved()).toEqual({
      date: TODAY,
      role: "manager",
      answers: { "public-talk": "no", "public-blog-post": "partly", "tech-roi-check": "yes" },
    });
    // The CLI reading the same file scores it as the page was told.
    const cli = await runPpppt(["assess", "--answer", "tech-roi-check=yes", "--json"], {
      ...t.env,
      PPPPT_TODAY: TODAY,
    });
    expect(last).toEqual({ ...JSON.parse(cli.stdout), path: last.path });
    expect(last.path).toBe(join(t.dir, "assessment.json"));
    const again = await (await call("/api/assessment")).json();
    expect(again.answers).toEqual(saved().answers);
    expect(again.date).toBe(TODAY);
  });

  it("keeps every answer when several arrive at once (the page saves each click)", async () => {
    const dashboard = app();
    const post = (id: string, answer: string) =>
      dashboard.request(`${ORIGIN}/api/assessment`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${TOKEN}`,
          origin: ORIGIN,
          "content-type": "application/json",
        },
        body: JSON.stringify({ answers: { [id]: answer } }),
      });
    const replies = await Promise.all([
      post("public-talk", "no"),
      post("public-blog-post", "partly"),
      post("tech-roi-check", "yes"),
    ]);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(saved().answers).toEqual({
      "public-talk": "no",
      "public-blog-post": "partly",
      "tech-roi-check": "yes",
    });
  });

  it("refuses an unknown practice or answer and writes nothing", async () => {
    const bad = await call("/api/assessment", { answers: { "no-such-practice": "yes" } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe('"no-such-practice" is not a practice id');
    const maybe = await call("/api/assessment", { answers: { "public-talk": "maybe" } });
    expect(maybe.status).toBe(400);
    expect(() => saved()).toThrow();
  });
});
