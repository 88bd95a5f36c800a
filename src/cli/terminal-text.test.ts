import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fakeIO, runPpppt } from "./fake-io.js";
import { runCli } from "./main.js";
import { makeStyle } from "./style.js";
import { terminalText } from "./terminal-text.js";

const ESC = "\u001b";
// Sets the window title, then hides the rest of the line: what a hostile line could do raw.
const HOSTILE = `Pay ${ESC}]0;pwned\u0007 the vendor ${ESC}[8mhidden\r\u202eevil\u009b2J`;

function docket(text: string) {
  const dir = mkdtempSync(join(tmpdir(), "ppppt-terminal-"));
  const file = join(dir, "todo.txt");
  writeFileSync(file, text);
  return { PPPPT_FILE: file, PPPPT_TODAY: "2026-11-25" };
}

/** Control characters a terminal acts on, other than the line layout's own \n and \t. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("terminalText", () => {
  it("prints control characters, escape sequences and bidi overrides as visible escapes", () => {
    expect(terminalText(HOSTILE)).toBe(
      "Pay \\x1b]0;pwned\\x07 the vendor \\x1b[8mhidden\\x0d\\u202eevil\\u009b2J",
    );
  });

  it("keeps the output's own newlines and tabs, and ppppt's own colours", () => {
    const style = makeStyle(true);
    expect(terminalText(`${style.red("late")}\tnext\n`)).toBe(`${ESC}[31mlate${ESC}[39m\tnext\n`);
  });

  it("never lets a control character through, for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(RAW_CONTROL.test(terminalText(s))).toBe(false);
      }),
    );
  });

  it("keeps JSON output valid JSON with the same strings", () => {
    const value = { title: `a\u009b\u202eb\u007f` };
    expect(JSON.parse(terminalText(JSON.stringify(value)))).toEqual(value);
  });
});

describe("item text on the terminal", () => {
  const env = docket(`${HOSTILE} cat:tech id:ab12\nbad ${ESC}[2J due:nope\n`);

  it.each([
    ["list", ["list"], "\\x1b]0;pwned"],
    ["list --all", ["list", "--all"], "\\x1b]0;pwned"],
    ["show", ["show", "ab12"], "\\x1b]0;pwned"],
    ["check", ["check"], "bad \\x1b[2J due:nope"],
    ["next", ["next"], "\\x1b]0;pwned"],
    ["why", ["why", "ab12"], "\\x1b]0;pwned"],
  ])("is escaped by %s", async (_, args, shown) => {
    const r = await runPpppt(args, env);
    const all = r.stdout + r.stderr;
    expect(all).toContain(shown);
    expect(RAW_CONTROL.test(all)).toBe(false);
  });

  it("is escaped by the commands that change an item and print it", async () => {
    const title = `Pay ${ESC}]0;pwned\u0007 the vendor ${ESC}[8mhidden`;
    const changed = docket(`${title} cat:tech id:ab12\n`);
    for (const args of [
      ["add", `${title} too`],
      ["edit", "ab12", `${title} again`],
      ["done", "ab12"],
      ["undo", "ab12"],
      ["recat", "ab12", "people"],
      ["rm", "ab12"],
    ]) {
      const r = await runPpppt(args, changed);
      expect(r.code, args[0]).toBe(0);
      expect(r.stdout, args[0]).toContain("\\x1b]0;pwned");
      expect(RAW_CONTROL.test(r.stdout + r.stderr), args[0]).toBe(false);
    }
  });

  it("is escaped on a colour terminal too, where ppppt's own colours still show", async () => {
    const io = {
      ...fakeIO(docket(`${HOSTILE} cat:tech id:ab12 due:2026-11-20\n`)),
      stdoutIsTTY: true,
    };
    io.env = { ...io.env, NO_COLOR: undefined };
    await runCli(["list"], io);
    const out = io.out.join("");
    expect(out).toContain(`${ESC}[31mdue 2026-11-20`);
    expect(out).toContain("\\x1b[8mhidden");
    expect(out).not.toContain(`${ESC}[8m`);
    expect(out).not.toContain(`${ESC}]`);
  });

  it("is escaped in error messages that quote what was typed", async () => {
    const r = await runPpppt(["show", `zz${ESC}]0;x\u0007`], docket(""));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("zz\\x1b]0;x\\x07");
    expect(RAW_CONTROL.test(r.stderr)).toBe(false);
  });
});
