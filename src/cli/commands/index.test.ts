import { Command } from "commander";
import { describe, expect, it } from "vitest";
import type { CliIO } from "../io.js";
import { commandNameIn, registerCommands } from "./index.js";

describe("commandNameIn", () => {
  it("is the first word that is not an option", () => {
    expect(commandNameIn(["list", "--cat", "people"])).toBe("list");
    expect(commandNameIn(["--no-color", "ls"])).toBe("ls");
    expect(commandNameIn(["--file=x.txt", "done", "ab12"])).toBe("done");
  });

  it("skips the values of the program's own options", () => {
    expect(commandNameIn(["-f", "list", "show", "ab12"])).toBe("show");
    expect(commandNameIn(["--today", "2026-11-25", "next"])).toBe("next");
  });

  it("is the word after --, and nothing when there is no command", () => {
    expect(commandNameIn(["--", "add"])).toBe("add");
    expect(commandNameIn(["--version"])).toBeUndefined();
    expect(commandNameIn([])).toBeUndefined();
  });
});

describe("registerCommands", () => {
  const io = {} as CliIO;
  const names = async (argv: string[]) => {
    const program = new Command("ppppt");
    await registerCommands(program, io, argv);
    return program.commands.map((c) => c.name());
  };

  it("registers only the command the line runs", async () => {
    expect(await names(["--no-color", "ls", "--cat", "people"])).toEqual(["list"]);
  });

  it("registers none for the version alone, and all when help or a typo needs the list", async () => {
    expect(await names(["--version"])).toEqual([]);
    expect(await names(["-V"])).toEqual([]);
    const all = await names([]);
    expect(all.length).toBeGreaterThan(30);
    expect(await names(["--version", "--help"])).toEqual(all);
    expect(await names(["-h"])).toEqual(all);
    expect(await names(["lsit"])).toEqual(all);
  });
});
