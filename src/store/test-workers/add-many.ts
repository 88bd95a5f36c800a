// A separate process for the store's concurrency tests: adds N items through the real CLI.
import { processIO } from "../../cli/io.js";
import { runCli } from "../../cli/main.js";

const [file, worker, count] = process.argv.slice(2) as [string, string, string];
for (let i = 0; i < Number(count); i++) {
  const code = await runCli(
    ["--file", file, "add", "--cat", "tech", `worker ${worker} item ${i}`],
    {
      ...processIO(),
      stdout: () => undefined,
    },
  );
  if (code !== 0) process.exit(code);
}
