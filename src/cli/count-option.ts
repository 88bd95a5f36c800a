import { InvalidArgumentError } from "commander";
import { PpppptError } from "../core/errors.js";

/**
 * Reads the value of an option that takes a whole number (`-n 5`, `--port 8737`, `--seed 2`).
 * Given to commander as the option's parser, so a value that is not a number at all is a
 * command line that does not parse (exit 2), like an unknown option; a number out of range is
 * a wrong value (exit 1, see requireCount).
 */
export function wholeNumber(value: string): number {
  if (!/^[+-]?\d+$/.test(value.trim())) throw new InvalidArgumentError("not a whole number.");
  return Number(value);
}

/** A `-n N` value, at least 1. */
export function requireCount(n: number, flag = "-n"): number {
  if (n < 1) throw new PpppptError(`${flag} ${n}: give a whole number of at least 1`);
  return n;
}
