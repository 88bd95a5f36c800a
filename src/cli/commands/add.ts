import type { Command } from "commander";
import type { Inference } from "../../core/capture.js";
import { CATEGORY_LABELS, parseCategory } from "../../core/category.js";
import { appendItem } from "../../core/docket/docket.js";
import { itemJson } from "../../core/docket/item-json.js";
import { readOnlyItemLines } from "../../core/docket/parse.js";
import { requireDuration } from "../../core/duration.js";
import { PpppptError } from "../../core/errors.js";
import { knownPeopleIn } from "../../core/people.js";
import { orList } from "../../core/wording.js";
import { readConfigFile } from "../../store/config-file.js";
import { updateDocketFile } from "../../store/docket-file.js";
import { loadCategoriser } from "../categoriser.js";
import { contextOf } from "../context.js";
import type { CliIO } from "../io.js";
import { renderItem } from "../render.js";

interface AddOptions {
  cat?: string;
  due?: string;
  pri?: string;
  est?: string;
  date: boolean;
  json?: boolean;
}

export function registerAdd(program: Command, io: CliIO): void {
  program
    .command("add")
    .description("add an item; the category and a due date are read from the words")
    .argument("<text...>", "what to do, in plain words (todo.txt syntax welcome)")
    .option("-c, --cat <category>", "the category: people, product, process, public or tech")
    .option("-d, --due <date>", 'the due date: 2026-12-01, "friday", "next week", "in 3 days"')
    .option("-p, --pri <letter>", "priority A (highest) to Z")
    .option("-e, --est <duration>", "estimated effort: 45m, 2h, 1h30m, 1d")
    .option("--no-date", "do not stamp the creation date")
    .option("--json", "print the stored item as JSON")
    .addHelpText(
      "after",
      '\nExamples:\n  ppppt add "1:1 with Dana about the promo packet friday"\n  ppppt add --cat tech --est 2h "Review the caching RFC +platform"',
    )
    .action(async (words: string[], options: AddOptions, command: Command) => {
      const ctx = contextOf(io, command);
      const today = ctx.today();
      const input = words.join(" ");
      if (input.trim() === "") throw new PpppptError("nothing to add: give the item's text");
      const category = options.cat === undefined ? undefined : parseCategory(options.cat);
      if (options.cat !== undefined && !category) {
        throw new PpppptError(`"${options.cat}" is not a category`, {
          hint: "Use people, product, process, public or tech.",
        });
      }
      const priority = options.pri?.toUpperCase();
      if (priority !== undefined && !/^[A-Z]$/.test(priority)) {
        throw new PpppptError(`"${options.pri}" is not a priority`, {
          hint: "Use a letter A to Z.",
        });
      }
      if (options.est !== undefined) requireDuration(options.est, "duration for --est");
      const { requireNaturalDate } = await import("../../core/natural-date.js");
      const due =
        options.due === undefined ? undefined : requireNaturalDate(options.due, today, "due date");
      const { captureItem } = await import("../../core/capture.js");
      const categorise = await loadCategoriser(ctx);
      const config = await readConfigFile(ctx.env);
      // Captured inside the change: the people known are those of the docket as written (a
      // change is re-run on top of a concurrent write, see docs/format.md).
      const { line, capture } = await updateDocketFile(ctx.docketPath(), (docket) => {
        const people = knownPeopleIn(config.people, readOnlyItemLines(docket));
        const capture = captureItem(input, {
          today,
          categorise,
          category,
          due,
          priority,
          estimate: options.est,
          dated: options.date,
          people,
        });
        const added = appendItem(docket, capture.text);
        return { docket: added.docket, result: { line: added.line, capture } };
      });
      if (options.json) {
        ctx.json({ ...itemJson(line), inferred: capture.inferred, ambiguous: capture.ambiguous });
        return;
      }
      ctx.out(`Added ${renderItem(line, today, ctx.style)}`);
      for (const inf of capture.inferred) ctx.out(ctx.style.dim(`  ${inferenceText(inf)}`));
      for (const name of capture.ambiguous) {
        ctx.out(
          ctx.style.dim(
            `  "${name.name}" could be ${orList(name.candidates)}: not guessed; \`ppppt tag ${line.id} with:${name.candidates[0]}\` says which`,
          ),
        );
      }
      if (line.item.categoryGuess && line.item.category) {
        ctx.out(
          ctx.style.dim(
            `  not sure it is ${CATEGORY_LABELS[line.item.category]}: \`ppppt recat ${line.id}\` confirms, \`ppppt recat ${line.id} CATEGORY\` fixes`,
          ),
        );
      }
      ctx.out(ctx.style.dim(`  stored as: ${line.text}`));
    });
}

/** One thing `add` picked, and what it picked it from. */
function inferenceText(inf: Inference): string {
  switch (inf.field) {
    case "category":
      return `category ${inf.value}, from ${inf.from}`;
    case "due":
      return `due ${inf.value}, from "${inf.from}"`;
    case "person":
      return `with ${inf.value}, from "${inf.from}"`;
    case "time":
      return `at ${inf.value} (at:${inf.value}), from "${inf.from}"`;
    case "recurrence": {
      const strict = inf.value.startsWith("+");
      const every = strict ? inf.value.slice(1) : inf.value;
      const after = strict ? "after the due date" : "after completion";
      return `repeats every ${every} ${after} (rec:${inf.value}), from "${inf.from}"`;
    }
  }
}
