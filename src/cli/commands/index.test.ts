import { describe, expect, it } from "vitest";
import { commandNameIn } from "./index.js";

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
