import type { Command, Option } from "commander";
import { describe, expect, it } from "vitest";
import { wholeNumber } from "./count-option.js";
import { fakeIO, runPpppt, tempDocket } from "./fake-io.js";
import { buildProgram } from "./main.js";

/**
 * The exit-code rule, held by every command: 2 when the command line does not parse (an
 * unknown command or option, a missing argument or option value, a non-number where a number
 * is required); 1 when it parses but a value is wrong or the world disagrees.
 */

const { env } = tempDocket("2026-11-20 1:1 with Dana cat:people id:ab12\n");
const run = (args: string[]) => runPpppt(args, { ...env, PPPPT_TODAY: "2026-11-25" });

async function everyCommand(): Promise<readonly Command[]> {
  return (await buildProgram(fakeIO(), [])).commands;
}

/** Placeholder values for a command's required arguments, so only the part under test is wrong. */
function requiredArgs(command: Command): string[] {
  return command.registeredArguments.filter((a) => a.required).map(() => "ab12");
}

const takesValue = (o: Option) => o.required || o.optional;

describe("exit code 2: the command line does not parse", () => {
  it("for an unknown command", async () => {
    const r = await run(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command/);
  });

  it("for an unknown option, on every command", async () => {
    for (const command of await everyCommand()) {
      const r = await run([command.name(), ...requiredArgs(command), "--no-such-option"]);
      expect(r.code, command.name()).toBe(2);
      expect(r.stderr, command.name()).toMatch(/unknown option/);
    }
  });

  it("for a missing argument, on every command that needs one", async () => {
    let checked = 0;
    for (const command of await everyCommand()) {
      if (requiredArgs(command).length === 0) continue;
      checked++;
      const r = await run([command.name()]);
      expect(r.code, command.name()).toBe(2);
      expect(r.stderr, command.name()).toMatch(/missing required argument/);
    }
    expect(checked).toBeGreaterThanOrEqual(7);
    // `edit` alone opens the editor, so commander cannot see that `edit ID` lacks the text.
    expect((await run(["edit", "ab12"])).code).toBe(2);
  });

  it("for an argument too many, on every command whose arguments are not open-ended", async () => {
    for (const command of await everyCommand()) {
      const args = command.registeredArguments;
      if (args.some((a) => a.variadic)) continue;
      const r = await run([command.name(), ...args.map(() => "ab12"), "extra", "extra"]);
      expect(r.code, command.name()).toBe(2);
      // A command group (`import`) reads the word as a subcommand it does not have.
      const group = command.commands.length > 0 && args.length === 0;
      expect(r.stderr, command.name()).toMatch(
        group ? /too many arguments|unknown command/ : /too many arguments/,
      );
    }
  });

  it("for an option given without its value, on every command", async () => {
    for (const command of await everyCommand()) {
      for (const option of command.options.filter((o) => o.required)) {
        const r = await run([command.name(), ...requiredArgs(command), option.long as string]);
        expect(r.code, `${command.name()} ${option.long}`).toBe(2);
      }
    }
  });

  it("for a non-number where a number is required, on every such option", async () => {
    const numeric: string[] = [];
    for (const command of await everyCommand()) {
      for (const option of command.options.filter(takesValue)) {
        if (option.parseArg !== wholeNumber) continue;
        numeric.push(`${command.name()} ${option.long}`);
        for (const bad of ["abc", "1.5", "3x"]) {
          const r = await run([
            command.name(),
            ...requiredArgs(command),
            option.long as string,
            bad,
          ]);
          expect(r.code, `${command.name()} ${option.long} ${bad}`).toBe(2);
          expect(r.stderr).toMatch(/not a whole number/);
        }
      }
    }
    expect(numeric).toEqual(
      expect.arrayContaining([
        "next --number",
        "plan --number",
        "why --words",
        "demo --seed",
        "serve --port",
      ]),
    );
    expect((await run(["next", "-n", "abc"])).code).toBe(2);
  });
});

describe("exit code 1: the command line parses, but a value is wrong or the world disagrees", () => {
  it.each([
    [["next", "-n", "0"], /-n 0/],
    [["serve", "--port", "70000"], /not a port/],
    [["show", "zzzz"], /no item has the id "zzzz"/],
    [["list", "--cat", "sales"], /"sales" is not a category/],
    [["add", "x", "--due", "someday"], /"someday" is not a due date/],
    [["--today", "2026-02-30", "list"], /is not a date/],
    [["recat", "ab12", "sales"], /"sales" is not a category/],
  ])("%j", async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
  });
});
