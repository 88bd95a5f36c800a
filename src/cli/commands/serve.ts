import { spawn } from "node:child_process";
import type { Command } from "commander";
import { PpppptError } from "../../core/errors.js";
import type { DemoFiles } from "../../server/demo.js";
import type { Env } from "../../store/paths.js";
import { loadCategoriserFor } from "../categoriser.js";
import { type CliContext, contextOf } from "../context.js";
import { wholeNumber } from "../count-option.js";
import type { CliIO } from "../io.js";

interface ServeOptions {
  port: number;
  host: string;
  open: boolean;
  demo?: boolean;
}

export function registerServe(program: Command, io: CliIO): void {
  program
    .command("serve")
    .description("open the dashboard: the board, balance, review and plan, live in the browser")
    .option("--port <n>", "the port to listen on (0 picks a free one)", wholeNumber, 0)
    .option("--host <address>", "the address to listen on; keep it loopback", "127.0.0.1")
    .option("--no-open", "print the URL but do not open a browser")
    .option("--demo", "serve a demo docket in a fresh temporary folder, not yours")
    .addHelpText(
      "after",
      "\nExamples:\n  ppppt serve\n  ppppt serve --port 8737 --no-open\n  ppppt serve --demo",
    )
    .action(async (options: ServeOptions, command: Command) => {
      const ctx = contextOf(io, command);
      const port = options.port;
      if (port < 0 || port > 65535) {
        throw new PpppptError(`--port ${options.port} is not a port`, {
          hint: "Use a number from 1 to 65535, or 0 for any free port.",
        });
      }
      if (!options.demo) {
        const { readDocketFile } = await import("../../store/docket-file.js");
        await readDocketFile(ctx.docketPath()); // a missing docket is reported before starting
      }
      // Listened for from here on, so a stop during start-up still removes the demo's folder.
      const stopped = new Promise<void>((resolve) => {
        for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
          process.once(signal, resolve);
      });
      let docketPath = ctx.docketPath();
      let env = ctx.env;
      let demo: DemoFiles | undefined;
      if (options.demo) {
        const { writeDemoFiles } = await import("../../server/demo.js");
        demo = await writeDemoFiles(ctx.today());
        docketPath = demo.docketPath;
        env = { ...ctx.env, PPPPT_CONFIG: demo.configPath };
      }
      try {
        await serveUntilStopped(ctx, io, { ...options, port }, docketPath, env, stopped);
      } finally {
        // The demo's folder goes with it, on Ctrl+C, SIGTERM or a failed start alike.
        if (demo) await (await import("../../server/demo.js")).removeDemoFiles(demo);
      }
    });
}

/** Starts the dashboard and serves until `stopped` (Ctrl+C, SIGTERM or SIGHUP). */
async function serveUntilStopped(
  ctx: CliContext,
  io: CliIO,
  options: Omit<ServeOptions, "port"> & { port: number },
  docketPath: string,
  env: Env,
  stopped: Promise<void>,
): Promise<void> {
  const port = options.port;
  const { startDashboard } = await import("../../server/start.js");
  const { appendCorrection } = await import("../../store/corrections-file.js");
  let dashboard: Awaited<ReturnType<typeof startDashboard>>;
  try {
    dashboard = await startDashboard({
      docketPath,
      host: options.host,
      port,
      today: () => ctx.today(),
      // Loaded again after each correction, so the page's predictions learn at once.
      categoriser: () => loadCategoriserFor(docketPath),
      learn: (text, category) =>
        appendCorrection(docketPath, { date: ctx.today(), category, text }),
      env,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      throw new PpppptError(`port ${port} is in use`, {
        hint: "Pick another with --port, or --port 0 for any free one.",
      });
    }
    throw error;
  }
  if (options.demo) ctx.out(`Demo docket: ${docketPath}`);
  else ctx.out(`Docket: ${docketPath}`);
  ctx.out(`Dashboard: ${dashboard.url}`);
  ctx.out(ctx.style.dim("Keep this URL to yourself: its token is the key. Ctrl+C stops."));
  const canOpen = options.open && io.stdoutIsTTY && !ctx.env.CI;
  if (canOpen) openBrowser(dashboard.url);
  await stopped;
  await dashboard.close();
}

/** Best effort: a machine without a browser still has the printed URL. */
function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === "darwin"
      ? ["open", [url]]
      : process.platform === "win32"
        ? ["cmd", ["/c", "start", '""', url.replace(/&/g, "^&")]]
        : ["xdg-open", [url]];
  try {
    const child = spawn(cmd, args as string[], { detached: true, stdio: "ignore" });
    child.on("error", () => {});
    child.unref();
  } catch {
    // No opener installed: the URL is on screen.
  }
}
