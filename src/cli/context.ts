import type { Command } from "commander";
import { type IsoDate, isIsoDate, localIsoDate } from "../core/dates.js";
import { PpppptError } from "../core/errors.js";
import { defaultDocketPath, type Env } from "../store/paths.js";
import type { CliIO } from "./io.js";
import { makeStyle, type Style } from "./style.js";

/** What a command's action needs: where the docket is, what day it is, how to print. */
export class CliContext {
  readonly io: CliIO;
  readonly style: Style;
  private readonly flags: GlobalFlags;

  constructor(io: CliIO, flags: GlobalFlags) {
    this.io = io;
    this.flags = flags;
    const colour = flags.color !== false && !io.env.NO_COLOR && io.stdoutIsTTY;
    this.style = makeStyle(colour);
  }

  get env(): Env {
    return this.io.env;
  }

  docketPath(): string {
    return this.flags.file ?? defaultDocketPath(this.io.env);
  }

  /** --today, then PPPPT_TODAY, then the clock: every date-dependent report is reproducible. */
  today(): IsoDate {
    const given = this.flags.today ?? this.io.env.PPPPT_TODAY;
    if (given !== undefined) {
      if (!isIsoDate(given)) {
        throw new PpppptError(`--today ${given} is not a date`, { hint: "Use YYYY-MM-DD." });
      }
      return given;
    }
    return localIsoDate(this.io.now());
  }

  /**
   * The wall clock, for timers (never --today: a timer measures real time). PPPPT_NOW, an ISO
   * timestamp, stands in for it in tests.
   */
  now(): Date {
    const given = this.io.env.PPPPT_NOW;
    if (given === undefined || given === "") return this.io.now();
    const instant = /^\d{4}-\d{2}-\d{2}T/.test(given) ? new Date(given) : undefined;
    if (instant === undefined || Number.isNaN(instant.getTime())) {
      throw new PpppptError(`PPPPT_NOW=${given} is not a timestamp`, {
        hint: "Use an ISO timestamp such as 2026-12-01T22:10:00Z.",
      });
    }
    return instant;
  }

  out(text = ""): void {
    this.io.stdout(`${text}\n`);
  }

  json(value: unknown): void {
    this.io.stdout(`${JSON.stringify(value, null, 2)}\n`);
  }
}

export interface GlobalFlags {
  file?: string;
  today?: string;
  color?: boolean;
}

/** Builds the context for a command from its own and the program's options. */
export function contextOf(io: CliIO, command: Command): CliContext {
  return new CliContext(io, command.optsWithGlobals<GlobalFlags>());
}

/**
 * Thrown by a command that has printed its finding and must still end non-zero
 * (`ppppt check` with problems).
 */
export class ExitStatus extends Error {
  readonly code: number;
  constructor(code: number) {
    super(`exit ${code}`);
    this.code = code;
  }
}
