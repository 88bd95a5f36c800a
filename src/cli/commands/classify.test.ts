import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runPpppt } from "../fake-io.js";

let dir: string;
let file: string;
let env: Record<string, string>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ppppt-classify-"));
  file = join(dir, "todo.txt");
  env = { PPPPT_FILE: file, PPPPT_TODAY: "2026-11-25" };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runPpppt(args, env);
const docket = () => readFileSync(file, "utf8");
const corrections = () => join(dir, "todo.corrections.txt");

interface Result {
  text: string;
  category: string;
  probability: number;
  unsure: boolean;
}

describe("ppppt classify", () => {
  it("prints each text's category and probability", async () => {
    const r = await run("classify", "Review the caching RFC", "1:1 Dana / Lee");
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Tech\s+\d\.\d\d.? Review the caching RFC$/);
    expect(lines[1]).toMatch(/^People\s+\d\.\d\d.? 1:1 Dana \/ Lee$/);
  });

  it("reads one text per stdin line and answers in input order as JSON", async () => {
    const input = ["Submit the CFP for KubeCon", "Customer escalation call", "", "Flaky test SLO"];
    const r = await runPpppt(["classify", "--json"], env, `${input.join("\r\n")}\n`);
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout) as Result[];
    expect(results.map((x) => x.text)).toEqual(input);
    expect(results.map((x) => x.category).filter((_, i) => i !== 2)).toEqual([
      "public",
      "product",
      "process",
    ]);
    for (const x of results) {
      expect(x.probability).toBeGreaterThan(0);
      expect(x.probability).toBeLessThanOrEqual(1);
    }
    // A blank line has no words: still answered, as a guess.
    expect(results[2]?.unsure).toBe(true);
  });

  it("handles thousands of lines in one call", async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `Review PR #${i} for the billing service`);
    const r = await runPpppt(["classify", "--json"], env, lines.join("\n"));
    const results = JSON.parse(r.stdout) as Result[];
    expect(results).toHaveLength(3000);
    expect(results[2999]?.text).toBe(lines[2999]);
  });

  it("asks for texts when given none on a terminal", async () => {
    const r = await run("classify");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing to classify\n.*pipe lines in/);
  });

  it("needs no docket", async () => {
    expect(existsSync(file)).toBe(false);
    expect((await run("classify", "Blog post")).code).toBe(0);
  });
});

describe("ppppt add and list use the classifier", () => {
  it("add stores a sure category plainly and an unsure one as a guess", async () => {
    await run("init");
    const sure = await run("add", "Review the caching RFC");
    expect(sure.stdout).toMatch(/category Tech, from words: .*rfc/);
    expect(docket()).toMatch(/Review the caching RFC cat:tech id:/);
    const unsure = await run("add", "Zephyr rollout");
    expect(unsure.stdout).toMatch(/\(a guess\)/);
    expect(unsure.stdout).toMatch(/ppppt recat \w+` confirms/);
    expect(docket()).toMatch(/Zephyr rollout cat:[a-z]+\? id:/);
  });

  it("list shows an item without a category under its predicted one, and leaves the file alone", async () => {
    writeFileSync(file, "Write the blog post about our migration\n");
    const r = await run("list");
    expect(r.stdout).toMatch(
      /^Public \(1\)\n.*Write the blog post about our migration \[public \?\]/,
    );
    expect(docket()).toBe("Write the blog post about our migration\n");
    const json = JSON.parse((await run("list", "--json")).stdout);
    expect(json[0]).toMatchObject({ category: "public", categoryGuess: true });
    const none = await run("list", "--cat", "none");
    expect(none.stdout).toMatch(/^Uncategorised \(1\)/);
    const byCat = await run("list", "--cat", "public");
    expect(byCat.stdout).toMatch(/Public \(1\)/);
  });
});

describe("ppppt recat teaches the classifier", () => {
  it("records every fix and confirmation beside the docket", async () => {
    writeFileSync(
      file,
      "Zephyr rollout plan cat:tech? id:ab12\nBudget review cat:process? id:cd34\n",
    );
    await run("recat", "ab12", "product");
    await run("recat", "cd34");
    expect(readFileSync(corrections(), "utf8")).toBe(
      "2026-11-25 product Zephyr rollout plan\n2026-11-25 process Budget review\n",
    );
    expect(docket()).toMatch(/Zephyr rollout plan cat:product id:ab12/);
  });

  it("after a few corrections, new items naming an unseen code name land in the corrected category", async () => {
    const probe = async () =>
      (
        JSON.parse((await run("classify", "--json", "Quillfeather next steps")).stdout) as Result[]
      )[0];
    expect((await probe())?.category).not.toBe("public");
    writeFileSync(
      file,
      "Quillfeather draft id:aa01\nQuillfeather outline id:aa02\nAsk about Quillfeather id:aa03\n",
    );
    for (const id of ["aa01", "aa02", "aa03"]) {
      expect((await run("recat", id, "public")).code).toBe(0);
    }
    expect((await probe())?.category).toBe("public");
    const added = await run("add", "Quillfeather: open questions");
    expect(added.stdout).toMatch(/category Public, from words: quillfeather/);
  });
});

describe("ppppt why", () => {
  it("names the words that weighed most, for and against", async () => {
    writeFileSync(file, "Review the caching RFC cat:tech id:ab12\n");
    const r = await run("why", "ab12");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/stored as Tech; the model says Tech \(\d\.\d\d\)/);
    expect(r.stdout).toMatch(/for Tech rather than \w+:\n\s+(rfc|caching)\s+\d/);
    const json = JSON.parse((await run("why", "ab12", "--json")).stdout);
    expect(json).toMatchObject({ id: "ab12", stored: "tech", category: "tech" });
    expect(json.for.length).toBeGreaterThan(0);
    expect(json.for[0]).toEqual({ text: expect.any(String), weight: expect.any(Number) });
  });

  it("says when the user's category differs from the model's", async () => {
    writeFileSync(file, "Review the caching RFC cat:people id:ab12\n");
    const r = await run("why", "ab12");
    expect(r.stdout).toMatch(/stored as People; the model says Tech/);
    expect(r.stdout).toMatch(/recat ab12 people/);
  });

  it("fails with a hint for an unknown id", async () => {
    writeFileSync(file, "x id:ab12\n");
    const r = await run("why", "zzzz");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no item has the id "zzzz"/);
  });
});

describe("ppppt show", () => {
  it("offers the classifier's guess for an item without a category", async () => {
    writeFileSync(file, "Submit the CFP for KubeCon id:ab12\n");
    const r = await run("show", "ab12");
    expect(r.stdout).toMatch(
      /category\s+none; the classifier guesses Public \(p=\d\.\d\d\): `ppppt recat ab12 public` keeps it/,
    );
  });
});
