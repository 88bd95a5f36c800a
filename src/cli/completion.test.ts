import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPpppt, type TempDocket, tempDocket } from "./fake-io.js";

// The scripts run in real shells and ask the bundled command (npm test builds dist/ first)
// for ids, as they do when Tab is pressed.
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const DOCKET = [
  "Promo packet for Dana with:dana.k cat:people id:k3f9",
  "Review the caching RFC cat:tech id:a0b2",
  "x 2026-11-24 Customer call cat:product id:7ttq",
  "",
].join("\n");

let t: TempDocket;
let env: Record<string, string>;
const scripts: Record<string, string> = {};
beforeAll(async () => {
  t = tempDocket(DOCKET, "people:\n  - dana.k: Dana Kim\n  - priya\n");
  const bin = join(t.dir, "bin");
  mkdirSync(bin);
  writeFileSync(
    join(bin, "ppppt"),
    `#!/bin/sh\nexec "${process.execPath}" "${join(root, "bin", "ppppt.cjs")}" "$@"\n`,
  );
  chmodSync(join(bin, "ppppt"), 0o755);
  env = { ...t.env, PATH: `${bin}:${process.env.PATH}`, HOME: t.dir };
  for (const shell of ["bash", "zsh", "fish"]) {
    const r = await runPpppt(["completion", shell], t.env);
    expect(r.code).toBe(0);
    scripts[shell] = join(t.dir, `completion.${shell}`);
    writeFileSync(scripts[shell] as string, r.stdout);
  }
});
afterAll(() => rmSync(t.dir, { recursive: true, force: true }));

const has = (shell: string) => spawnSync("sh", ["-c", `command -v ${shell}`]).status === 0;
const sh = (shell: string, args: string[]) => {
  const r = spawnSync(shell, args, { env, encoding: "utf8" });
  expect(r.stderr).toBe("");
  return r.stdout;
};

/** The words bash's completion function offers for a command line ending in `words`. */
const bash = (...words: string[]) =>
  sh("bash", [
    "-c",
    `source "$0"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _ppppt; printf '%s\\n' "\${COMPREPLY[@]}"`,
    scripts.bash as string,
    "ppppt",
    ...words,
  ])
    .split("\n")
    .filter(Boolean);

describe("ppppt completion bash", () => {
  it("completes command names, options and the docket's ids", () => {
    expect(bash("li")).toEqual(["list"]);
    expect(bash("")).toEqual(
      expect.arrayContaining(["add", "list", "done", "person", "completion"]),
    );
    expect(bash("list", "--wa")).toEqual(["--waiting"]);
    expect(bash("add", "--")).toEqual(expect.arrayContaining(["--cat", "--due", "--json"]));
    // Open items first, then done ones (for undo).
    expect(bash("done", "")).toEqual(["k3f9", "a0b2", "7ttq"]);
    expect(bash("show", "k")).toEqual(["k3f9"]);
    expect(bash("recat", "k3f9", "p")).toEqual(["people", "product", "process", "public"]);
    expect(bash("person", "")).toEqual(["dana.k", "priya"]);
    expect(bash("list", "--cat", "t")).toEqual(["tech"]);
  });

  it("asks the docket named by --file on the line", () => {
    const other = join(t.dir, "other.txt");
    writeFileSync(other, "Other item id:zz99\n");
    expect(bash("--file", other, "done", "")).toEqual(["zz99"]);
  });
});

describe.skipIf(!has("zsh"))("ppppt completion zsh", () => {
  const zsh = (...words: string[]) =>
    sh("zsh", [
      "-c",
      `source "$0"; words=(ppppt "$@"); CURRENT=$#words; _ppppt_candidates; print -l -- $reply`,
      scripts.zsh as string,
      ...words,
    ])
      .split("\n")
      .filter(Boolean);

  it("offers commands, options and ids (compadd narrows them to the prefix)", () => {
    expect(zsh("")).toEqual(expect.arrayContaining(["add", "list", "person", "completion"]));
    expect(zsh("list", "--")).toEqual(expect.arrayContaining(["--waiting", "--with"]));
    expect(zsh("done", "")).toEqual(["k3f9", "a0b2", "7ttq"]);
    expect(zsh("recat", "k3f9", "")).toEqual(["people", "product", "process", "public", "tech"]);
  });
});

describe.skipIf(!has("fish"))("ppppt completion fish", () => {
  const fish = (line: string) =>
    sh("fish", ["-c", `source $argv[1]; complete -C "${line}"`, scripts.fish as string])
      .split("\n")
      .filter(Boolean);

  it("completes commands, options, and ids with their titles", () => {
    expect(fish("ppppt li")).toEqual(["list"]);
    expect(fish("ppppt list --wa")).toEqual(["--waiting"]);
    expect(fish("ppppt done ")).toEqual(
      expect.arrayContaining(["k3f9\tPromo packet for Dana", "a0b2\tReview the caching RFC"]),
    );
    expect(fish("ppppt recat k3f9 ")).toEqual(["people", "process", "product", "public", "tech"]);
  });
});

describe("ppppt completion, wrong use", () => {
  it("names the shells it knows, exit 1", async () => {
    const r = await runPpppt(["completion", "tcsh"], t.env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/"tcsh" is not a shell ppppt completes for/);
  });

  it("completes to nothing, quietly, when the docket is missing", async () => {
    const r = await runPpppt(["completion", "ids"], { ...t.env, PPPPT_FILE: join(t.dir, "no") });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });
});
