import { PpppptError } from "../core/errors.js";

/** Reads a `-n N` option: a whole number of at least 1. */
export function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new PpppptError(`-n ${value} is not a positive whole number`);
  }
  return n;
}
