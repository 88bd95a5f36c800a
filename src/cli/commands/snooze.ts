import type { Command } from "commander";
import { registerFieldCommand } from "../field-command.js";
import type { CliIO } from "../io.js";

export function registerSnooze(program: Command, io: CliIO): void {
  registerFieldCommand(program, io, {
    name: "snooze",
    field: "snooze",
    description: "hide items from list, next and the board until a date (t:), or wake them",
    value: ["<date...>", 'the day they come back (2026-12-04, "monday", "in 2 weeks") or none'],
    examples: ["ppppt snooze k3f9 monday", "ppppt snooze k3f9 none"],
  });
}
