import type { Command } from "commander";
import { ROLE_LABELS, ROLES, type Role, requireRole } from "../../core/lens/roles.js";
import { createDocketFile } from "../../store/docket-file.js";
import { chooserOf } from "../choose.js";
import { type CliContext, contextOf } from "../context.js";
import type { CliIO } from "../io.js";

export function registerInit(program: Command, io: CliIO): void {
  program
    .command("init")
    .description(
      "create the docket file (and its folder) if it does not exist yet, and set your role",
    )
    .option(
      "--role <role>",
      "your role, stored in the config file: manager, senior-manager, director, senior-director or vp",
    )
    .addHelpText(
      "after",
      "\nThe role picks the target mix every report judges against; a director's week is not a\nmanager's. In a terminal, init asks for it when the config has none.\n\nExamples:\n  ppppt init --role director\n  ppppt --file ~/notes/todo.txt init",
    )
    .action(async (options: { role?: string }, command: Command) => {
      const ctx = contextOf(io, command);
      const role = options.role === undefined ? undefined : requireRole(options.role);
      const path = ctx.docketPath();
      const created = await createDocketFile(path);
      ctx.out(created ? `Created ${path}` : `${path} already exists; left as it is.`);
      await settleRole(ctx, role);
    });
}

/** Stores the given role, or asks for one in a terminal when the config has none. */
async function settleRole(ctx: CliContext, given: Role | undefined): Promise<void> {
  const { readConfigFile, writeConfigRole } = await import("../../store/config-file.js");
  const config = await readConfigFile(ctx.env);
  let role = given;
  if (role === undefined && config.role === undefined && ctx.io.stdinIsTTY && ctx.io.stdoutIsTTY) {
    const answer = await chooserOf(ctx.io)({
      message: "Your role (it sets the target mix the reports judge against)",
      choices: ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
      initial: "manager",
    });
    role = answer === undefined ? undefined : (answer as Role);
  }
  if (role !== undefined) {
    const file = await writeConfigRole(ctx.env, role);
    ctx.out(`Role: ${ROLE_LABELS[role]}, saved in ${file}`);
  } else if (config.role !== undefined) {
    ctx.out(`Role: ${ROLE_LABELS[config.role]}, from ${config.path}`);
  } else {
    ctx.out(
      ctx.style.dim(
        "Role: Manager (the default); set yours with `ppppt init --role director` (or senior-manager, senior-director, vp).",
      ),
    );
  }
}
