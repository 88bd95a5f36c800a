// Runs every benchmark in bench/ (`*.bench.ts` through tsx, `*.bench.mjs` as is), one after
// another so they do not compete for the CPU, each printing its own figures. A benchmark that
// fails is reported and makes the whole run exit non-zero.
//   npm run bench             every benchmark
//   npm run bench -- docket   only those whose file name contains "docket"
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
const filters = process.argv.slice(2);

const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts") || f.endsWith(".bench.mjs"))
  .filter((f) => filters.length === 0 || filters.some((word) => f.includes(word)))
  .sort();

if (files.length === 0) {
  process.stderr.write(`no benchmark in bench/ matches ${filters.join(", ")}\n`);
  process.exit(2);
}

const failed = [];
for (const file of files) {
  const path = join(here, file);
  const args = ["--expose-gc", ...(file.endsWith(".ts") ? ["--import", "tsx"] : []), path];
  process.stdout.write(`\n=== ${relative(root, path)}\n`);
  const start = Date.now();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  const seconds = ((Date.now() - start) / 1000).toFixed(1);
  if (result.status === 0) {
    process.stdout.write(`=== ${file}: done in ${seconds}s\n`);
  } else {
    const why =
      result.error?.message ??
      (result.signal ? `signal ${result.signal}` : `exit ${result.status}`);
    process.stdout.write(`=== ${file}: FAILED (${why}) after ${seconds}s\n`);
    failed.push(file);
  }
}

if (failed.length > 0) {
  process.stdout.write(
    `\n${failed.length} of ${files.length} benchmarks failed: ${failed.join(", ")}\n`,
  );
  process.exit(1);
}
process.stdout.write(`\nall ${files.length} benchmarks ran\n`);
