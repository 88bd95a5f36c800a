import type { Readable, Writable } from "node:stream";
import type { Env } from "../store/paths.js";
import { isTerminal, writeOutput } from "./standard-output.js";

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  env: Env;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  /** Progress bars go to stderr, and only when it is a terminal. */
  stderrIsTTY?: boolean;
  /**
   * The one raw way to stderr, not passed through terminalText: a progress line redrawn with a
   * carriage return and erase-line. What it draws from outside (a file name) its caller escapes.
   */
  progress?: (text: string) => void;
  /** Standard input as bytes, a chunk at a time (imports read UTF-16 and large files). */
  stdinChunks?: () => AsyncIterable<Uint8Array>;
  now(): Date;
  /**
   * Asks one question with fixed choices in the terminal; undefined when the user stops
   * (Ctrl-C). Unset, commands use @clack/prompts; tests give their own to drive the questions.
   */
  choose?: Choose;
  /** What prompts read and write; process.stdin and stdout when absent (tests give their own). */
  promptStreams?: { input: Readable; output: Writable };
}

export type Choose = (question: {
  message: string;
  choices: readonly { value: string; label: string }[];
  initial: string;
}) => Promise<string | undefined>;

/**
 * The process's own IO. Output goes straight to file descriptors 1 and 2 (standard-output.ts):
 * nothing here builds `process.stdout` or `process.stdin` unless a command reads or prompts.
 */
export function processIO(): CliIO {
  let stdoutIsTTY: boolean | undefined;
  let stderrIsTTY: boolean | undefined;
  return {
    stdout: (text) => writeOutput(1, text),
    stderr: (text) => writeOutput(2, text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
    stdinChunks: () => process.stdin,
    env: process.env,
    // Getters: most commands never ask, and the answer costs a stat.
    get stdoutIsTTY() {
      stdoutIsTTY ??= isTerminal(1);
      return stdoutIsTTY;
    },
    get stderrIsTTY() {
      stderrIsTTY ??= isTerminal(2);
      return stderrIsTTY;
    },
    progress: (text) => writeOutput(2, text),
    // Touching process.stdin builds a stream, which most commands never read.
    get stdinIsTTY() {
      return process.stdin.isTTY === true;
    },
    now: () => new Date(),
  };
}
