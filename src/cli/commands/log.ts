import type { Command } from "commander";
import { registerFieldCommand } from "../field-command.js";
import type { CliIO } from "../io.js";

export function registerLog(program: Command, io: CliIO): void {
  registerFieldCommand(program, io, {
    name: "log",
    field: "spent",
    description: "add time spent to items (spent:); a negative time corrects, never below zero",
    value: ["<duration...>", "30m, 1h30m, 1.5h; -15m takes time off"],
    signedValue: true,
    examples: ["ppppt log k3f9 30m", "ppppt log k3f9,a0b2 1h", "ppppt log k3f9 -15m"],
  });
}
