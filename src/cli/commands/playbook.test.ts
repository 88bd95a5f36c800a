import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPpppt, tempDocket } from "../fake-io.js";

function setup() {
  return tempDocket();
}

const MINE = `practices:
  - id: public-team-newsletter
    category: public
    roles: all
    title: A team newsletter
    prompt: Does the rest of the company hear from your team every month?
    why: A monthly letter keeps the team's work visible without another meeting.
    items:
      - text: Send the monthly team newsletter
        est: 1h
        rec: 1m
`;

describe("ppppt playbook", () => {
  it("lists one category's practices, filtered by role", async () => {
    const { env } = setup();
    const r = await runPpppt(["playbook", "pub", "--role", "vp", "--json"], env);
    const practices = JSON.parse(r.stdout);
    expect(practices.length).toBeGreaterThanOrEqual(5);
    for (const p of practices) {
      expect(p.category).toBe("public");
      expect(p.roles).toContain("vp");
    }
  });

  it("shows one practice by id, with the items it becomes", async () => {
    const { env } = setup();
    const r = await runPpppt(["playbook", "product-stand-in-for-pm"], env);
    expect(r.stdout).toContain("Could you stand in for your product manager for two weeks");
    expect(r.stdout).toContain("Becomes:");
  });

  it("adds the user's own playbooks from the config folder", async () => {
    const { dir, env } = setup();
    mkdirSync(join(dir, "playbooks"));
    writeFileSync(join(dir, "playbooks", "mine.yaml"), MINE);
    const r = await runPpppt(["playbook", "public"], env);
    expect(r.stdout).toContain("public-team-newsletter");
  });

  it("names the file and line of a broken user playbook, and refuses an unknown id", async () => {
    const { dir, env } = setup();
    mkdirSync(join(dir, "playbooks"));
    writeFileSync(join(dir, "playbooks", "mine.yaml"), MINE.replace("roles: all", "roles: [cto]"));
    const r = await runPpppt(["playbook"], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /mine\.yaml:4: practices\[0\]\.roles: expected "all" or a list of roles/,
    );
    expect((await runPpppt(["playbook", "no-such-practice"], setup().env)).code).toBe(1);
  });
});
