import type { Command } from "commander";
import { registerFieldCommand } from "../field-command.js";
import type { CliIO } from "../io.js";

export function registerTag(program: Command, io: CliIO): void {
  registerFieldCommand(program, io, {
    name: "tag",
    field: "tag",
    description: "add key:value tags, +projects or @contexts to items",
    value: ["<tags...>", "key:value (replaces that key's value), +project or @context"],
    eachWord: true,
    examples: [
      "ppppt tag k3f9 +promo @desk",
      "ppppt tag k3f9,a0b2 est:2h",
      "ppppt tag k3f9 due:friday",
    ],
  });
  registerFieldCommand(program, io, {
    name: "untag",
    field: "untag",
    description: "remove tags, +projects or @contexts from items",
    value: ["<tags...>", "a key (est, due…), +project or @context"],
    eachWord: true,
    examples: ["ppppt untag k3f9 +promo", "ppppt untag k3f9,a0b2 est @desk"],
  });
}
