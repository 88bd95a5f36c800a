import { fstatSync, writeSync } from "node:fs";

/**
 * stdout and stderr written as file descriptors 1 and 2, without Node's stream objects. Touching
 * `process.stdout` builds a net.Socket when the output is a pipe (as in `ppppt list | less` and
 * every benchmark), which loads about twenty of Node's modules: 5% of a `node -e 0` on every
 * command. On Linux Node writes pipes, files and terminals synchronously anyway, so a blocking
 * write(2) here keeps the order of everything written, streams included.
 *
 * What a failed write means is the same as it was for the streams (bin.ts): the reader closing
 * the pipe early (`ppppt list | head`) is the reader's choice, and the process ends with the
 * status it had; any other failure (`ppppt list > /dev/full`) is one line on stderr, status 1.
 */
export function writeOutput(fd: 1 | 2, text: string): void {
  if (text === "") return;
  try {
    let written = 0;
    try {
      written = writeSync(fd, text);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
    }
    // A pipe or terminal may take only part of a large write.
    if (written < Buffer.byteLength(text)) writeRest(fd, Buffer.from(text), written);
  } catch (error) {
    outputFailed(fd, error as NodeJS.ErrnoException);
  }
}

/** A descriptor somebody left non-blocking says EAGAIN when full: wait a little and retry. */
function writeRest(fd: number, bytes: Buffer, from: number): void {
  let at = from;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
    }
  }
}

/** Whether the descriptor is a terminal, without loading node:tty unless it can be one. */
export function isTerminal(fd: number): boolean {
  try {
    // Only a character device can be a terminal; pipes and files, most of the time, are not.
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  // node:tty loads the stream modules this file avoids, so only when at a terminal (or a
  // device such as /dev/null), where a person waits rather than a benchmark. Node 20.16+ and
  // 22.3+ give built-in modules without an import, which would load it at start.
  return process.getBuiltinModule("node:tty").isatty(fd);
}

/**
 * The failure policy for a write to stdout or stderr, shared with the stream objects when
 * something (a prompt) does create them (watchOutputStreams).
 */
export function outputFailed(fd: number, error: NodeJS.ErrnoException): never {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  if (fd === 1) {
    const why = error.code === "ENOSPC" ? "no space left on the device" : error.message;
    try {
      writeSync(2, `ppppt: cannot write the output: ${why}\n`);
    } catch {
      // stderr is gone too: the status is all that is left to say it.
    }
  }
  process.exit(1);
}

/**
 * Gives the stream objects the same failure policy, attached when something first asks for
 * `process.stdout` or `process.stderr` (a prompt, the server's logging): asking for them here
 * would build them on every start.
 */
export function watchOutputStreams(): void {
  for (const [name, fd] of [
    ["stdout", 1],
    ["stderr", 2],
  ] as const) {
    const own = Object.getOwnPropertyDescriptor(process, name);
    const get = own?.get;
    if (!own?.configurable || !get) continue;
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: own.enumerable,
      get() {
        const stream = get.call(process) as NodeJS.WriteStream;
        Object.defineProperty(process, name, {
          configurable: true,
          enumerable: own.enumerable,
          writable: false,
          value: stream,
        });
        stream.on("error", (error: NodeJS.ErrnoException) => outputFailed(fd, error));
        return stream;
      },
    });
  }
}
