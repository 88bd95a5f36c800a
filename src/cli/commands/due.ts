import type { Command } from "commander";
import { registerFieldCommand } from "../field-command.js";
import type { CliIO } from "../io.js";

export function registerDue(program: Command, io: CliIO): void {
  registerFieldCommand(program, io, {
    name: "due",
    field: "due",
    description: "set or clear items' due date (due:)",
    value: ["<date...>", 'the date (2026-12-04, "friday", "next week", "in 3 days") or none'],
    examples: ["ppppt due k3f9 friday", "ppppt due k3f9,a0b2 2026-12-04", "ppppt due k3f9 none"],
  });
}
