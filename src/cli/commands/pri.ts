import type { Command } from "commander";
import { registerFieldCommand } from "../field-command.js";
import type { CliIO } from "../io.js";

export function registerPri(program: Command, io: CliIO): void {
  registerFieldCommand(program, io, {
    name: "pri",
    field: "priority",
    description: "set or clear items' priority, (A) to (Z)",
    value: ["<priority...>", "one letter, A (highest) to Z, or none"],
    examples: ["ppppt pri k3f9 A", "ppppt pri k3f9,a0b2 none"],
  });
}
