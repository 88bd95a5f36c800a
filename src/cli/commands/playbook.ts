import type { Command } from "commander";
import { CATEGORY_LABELS, parseCategory } from "../../core/category.js";
import { formatDuration, parseDuration } from "../../core/duration.js";
import { findPractice, type Practice, practicesFor } from "../../core/lens/practice.js";
import { ROLE_LABELS, requireRole } from "../../core/lens/roles.js";
import { type CliContext, contextOf } from "../context.js";
import type { CliIO } from "../io.js";

interface PlaybookOptions {
  role?: string;
  json?: boolean;
}

export function registerPlaybook(program: Command, io: CliIO): void {
  program
    .command("playbook")
    .description("browse the practices for growing in each category (or show one practice)")
    .argument(
      "[category-or-id]",
      "a category (people, product, process, public, tech) or a practice id",
    )
    .option("--role <role>", "only practices that fit this role")
    .option("--json", "print the practices as JSON")
    .addHelpText(
      "after",
      "\nYour own practices go in <config dir>/playbooks/*.yaml (format: docs/lens.md).\n\nExamples:\n  ppppt playbook\n  ppppt playbook public --role director\n  ppppt playbook people-skip-levels",
    )
    .action(async (what: string | undefined, options: PlaybookOptions, command: Command) => {
      const ctx = contextOf(io, command);
      const { loadPlaybooks } = await import("../../store/playbook-files.js");
      const all = await loadPlaybooks(ctx.env);
      const role = options.role === undefined ? undefined : requireRole(options.role);
      const category = what === undefined ? undefined : parseCategory(what);
      if (what !== undefined && !category) {
        const practice = findPractice(all, what);
        if (options.json) ctx.json(practice);
        else showPractice(ctx, practice);
        return;
      }
      const shown = practicesFor(all, { category, role });
      if (options.json) {
        ctx.json(shown);
        return;
      }
      let current: string | undefined;
      for (const p of shown) {
        if (p.category !== current) {
          current = p.category;
          const count = shown.filter((x) => x.category === p.category).length;
          ctx.out(ctx.style.bold(`${CATEGORY_LABELS[p.category]} (${count})`));
        }
        ctx.out(`  ${ctx.style.cyan(p.id.padEnd(32))} ${p.title}`);
        ctx.out(ctx.style.dim(`  ${"".padEnd(32)} ${p.prompt}`));
      }
      if (shown.length === 0) ctx.out("No practices match.");
      else
        ctx.out(
          ctx.style.dim("`ppppt playbook ID` shows a practice; `ppppt plan --add ID` takes it up."),
        );
    });
}

function showPractice(ctx: CliContext, p: Practice): void {
  ctx.out(ctx.style.bold(`${p.title}  (${p.id}, ${CATEGORY_LABELS[p.category]})`));
  ctx.out(`Roles: ${p.roles.map((r) => ROLE_LABELS[r]).join(", ")}`);
  ctx.out(`Ask yourself: ${p.prompt}`);
  ctx.out(`Why: ${p.why}`);
  ctx.out("Becomes:");
  for (const it of p.items) {
    const extra = [
      it.est ? `est ${formatDuration(parseDuration(it.est) ?? 0)}` : undefined,
      it.rec ? `every ${it.rec}` : undefined,
    ].filter(Boolean);
    ctx.out(`  - ${it.text}${extra.length ? ctx.style.dim(` (${extra.join(", ")})`) : ""}`);
  }
  ctx.out(ctx.style.dim(`From ${p.source}`));
}
