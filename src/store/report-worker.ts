// A worker thread that reads reports for `ppppt health ingest` (the bundle's
// dist/report-worker.cjs): parsing is the CPU-heavy part, so many files are read on every
// core while the main thread writes to the database, which takes one writer.
import { parentPort } from "node:worker_threads";
import { PpppptError } from "../core/errors.js";
import { readReportFile } from "./health-db.js";

// The tests this worker has written out in this ingest (a worker lives for one ingest).
const written = new Set<string>();

parentPort?.on(
  "message",
  async (m: { id: number; path: string; rowsFile: string; testsFile: string }) => {
    const message = m;
    try {
      const report = await readReportFile(
        message.path,
        message.rowsFile,
        message.testsFile,
        written,
      );
      parentPort?.postMessage({ id: message.id, report });
    } catch (error) {
      const e = error instanceof PpppptError ? error : new PpppptError(String(error));
      parentPort?.postMessage({
        id: message.id,
        error: { message: e.message, file: e.file, line: e.line, hint: e.hint },
      });
    }
  },
);
