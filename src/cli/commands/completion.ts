import type { Command } from "commander";
import { readOnlyItemLines } from "../../core/docket/parse.js";
import { PpppptError } from "../../core/errors.js";
import { knownPeopleIn } from "../../core/people.js";
import { readConfigFile } from "../../store/config-file.js";
import { readDocketFile } from "../../store/docket-file.js";
import { bashScript, fishScript, programSpec, zshScript } from "../completion.js";
import { contextOf } from "../context.js";
import type { CliIO } from "../io.js";

const SCRIPTS = { bash: bashScript, zsh: zshScript, fish: fishScript } as const;

export function registerCompletion(program: Command, io: CliIO): void {
  program
    .command("completion")
    .description("print the shell completion script for bash, zsh or fish")
    .argument("<shell>", "bash, zsh or fish (ids and people: what the scripts ask for)")
    .option("--describe", "with ids and people: each followed by a tab and what it is")
    .addHelpText(
      "after",
      "\nExamples:\n  source <(ppppt completion bash)       # in ~/.bashrc\n  source <(ppppt completion zsh)        # in ~/.zshrc\n  ppppt completion fish | source        # in ~/.config/fish/config.fish",
    )
    .action(async (shell: string, options: { describe?: boolean }, command: Command) => {
      const ctx = contextOf(io, command);
      if (shell === "ids" || shell === "people") {
        // Asked on every Tab: a missing or unreadable docket completes to nothing, quietly.
        let lines: ReturnType<typeof readOnlyItemLines>;
        try {
          lines = readOnlyItemLines((await readDocketFile(ctx.docketPath())).docket);
        } catch {
          return;
        }
        if (shell === "ids") {
          // Open items first: they are what done, edit and the rest are mostly given.
          const ordered = [
            ...lines.filter((l) => !l.item.done),
            ...lines.filter((l) => l.item.done),
          ];
          const tab = (t: string) => t.replace(/[\t\n]/g, " ");
          ctx.out(
            ordered
              .map((l) => (options.describe ? `${l.id}\t${tab(l.item.title)}` : l.id))
              .join("\n"),
          );
          return;
        }
        const config = await readConfigFile(ctx.env).catch(() => ({ people: [] }));
        const people = knownPeopleIn(config.people, lines);
        ctx.out(
          people
            .map((p) => (options.describe && p.name ? `${p.handle}\t${p.name}` : p.handle))
            .join("\n"),
        );
        return;
      }
      const script = SCRIPTS[shell as keyof typeof SCRIPTS];
      if (!script || !Object.hasOwn(SCRIPTS, shell)) {
        throw new PpppptError(`"${shell}" is not a shell ppppt completes for`, {
          hint: "Use bash, zsh or fish.",
        });
      }
      const { buildProgram } = await import("../main.js");
      // Every command registered (no command named), so the script knows them all.
      const whole = await buildProgram(io, []);
      io.stdout(script(programSpec(whole)));
    });
}
