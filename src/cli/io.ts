import type { Readable, Writable } from "node:stream";
import type { Env } from "../store/paths.js";

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  env: Env;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
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

export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    // A getter: touching process.stdin builds a stream, which most commands never read.
    get stdinIsTTY() {
      return process.stdin.isTTY === true;
    },
    now: () => new Date(),
  };
}
