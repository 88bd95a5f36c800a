import type { Command } from "commander";
import type { ItemLine } from "../../core/docket/item.js";
import { readOnlyItemLines } from "../../core/docket/parse.js";
import { personReportFor, personReportJson } from "../../core/people.js";
import { readConfigFile } from "../../store/config-file.js";
import { readDocketFile } from "../../store/docket-file.js";
import { readDoneFile } from "../../store/done-file.js";
import { contextOf } from "../context.js";
import type { CliIO } from "../io.js";
import { itemRenderer } from "../render.js";

export function registerPerson(program: Command, io: CliIO): void {
  program
    .command("person")
    .description("everything about one person: open and done items, 1:1s, what you wait on")
    .argument("<name>", "a handle (dana.k), a first name or a full name from the config")
    .option("--json", "print the report as JSON")
    .addHelpText("after", "\nExamples:\n  ppppt person dana\n  ppppt person dana.k --json")
    .action(async (name: string, options: { json?: boolean }, command: Command) => {
      const ctx = contextOf(io, command);
      const today = ctx.today();
      const config = await readConfigFile(ctx.env);
      const docketPath = ctx.docketPath();
      const { docket } = await readDocketFile(docketPath);
      const lines = readOnlyItemLines(docket);
      const doneLines = (await readDoneFile(docketPath)).lines;
      const report = personReportFor(name, config.people, lines, doneLines);
      if (options.json) {
        ctx.json(personReportJson(report));
        return;
      }
      const render = itemRenderer(today, ctx.style);
      const { person } = report;
      const out: string[] = [
        ctx.style.bold(
          person.name ? `${person.name} (with:${person.handle})` : `with:${person.handle}`,
        ),
        `Next 1:1: ${report.nextOneOnOne ? render(report.nextOneOnOne) : ctx.style.dim("none planned")}`,
        `Last 1:1: ${report.lastOneOnOne ? render(report.lastOneOnOne) : ctx.style.dim("none done")}`,
      ];
      const section = (title: string, items: ItemLine[], empty: string) => {
        out.push("", ctx.style.bold(`${title} (${items.length})`));
        if (items.length === 0) out.push(`  ${ctx.style.dim(empty)}`);
        for (const line of items) out.push(`  ${render(line)}`);
      };
      section("Waiting on them for", report.waiting, "nothing (@waiting with:NAME marks it)");
      section("Open", report.open, "nothing open");
      section("Done", report.done, "nothing done yet");
      ctx.out(out.join("\n"));
    });
}
