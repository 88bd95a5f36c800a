import type { Command } from "commander";
import { type Category, parseCategory } from "../../core/category.js";
import { addDays } from "../../core/dates.js";
import { invalidLines, withCategoryGuess } from "../../core/docket/docket.js";
import type { ItemLine } from "../../core/docket/item.js";
import { itemJson } from "../../core/docket/item-json.js";
import { docketIndex, readOnlyItemLines } from "../../core/docket/parse.js";
import { groupByCategory, type ItemQuery, matchesQuery } from "../../core/docket/query.js";
import { PpppptError } from "../../core/errors.js";
import { isHandle, normaliseHandle } from "../../core/people.js";
import { plural } from "../../core/wording.js";
import { readDocketFile } from "../../store/docket-file.js";
import { loadGuesses } from "../categoriser.js";
import { type CliContext, contextOf } from "../context.js";
import type { CliIO } from "../io.js";
import { categoryHeading, itemRenderer } from "../render.js";

interface ListOptions {
  cat?: string[];
  project?: string[];
  context?: string[];
  dueBefore?: string;
  dueAfter?: string;
  overdue?: boolean;
  waiting?: boolean;
  with?: string[];
  done?: boolean;
  all?: boolean;
  json?: boolean;
}

/** How much of the list is rendered before it is written (characters). */
const OUTPUT_BLOCK = 65_536;

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(",")];

export function registerList(program: Command, io: CliIO): void {
  program
    .command("list")
    .alias("ls")
    .description("list open items by category, by priority then due date")
    .argument("[words...]", "only items containing every word; +project, @context, -word excludes")
    .option(
      "-c, --cat <category>",
      "only this category (repeat, or comma-separate; 'none' for uncategorised)",
      collect,
    )
    .option("--project <name>", "only items in this +project (repeatable)", collect)
    .option("--context <name>", "only items with this @context (repeatable)", collect)
    .option("--due-before <date>", "due on or before this date (also 'friday', 'next week')")
    .option("--due-after <date>", "due on or after this date")
    .option("--overdue", "only items past their due date")
    .option("--waiting", "only items you are waiting on someone for (@waiting)")
    .option("--with <person>", "only items about this person (with:NAME; repeatable)", collect)
    .option("--done", "only done items")
    .option("-a, --all", "done, hidden (h:1) and not-yet-started (t:) items too")
    .option("--json", "print the items as a JSON array")
    .addHelpText(
      "after",
      '\nExamples:\n  ppppt list\n  ppppt list --cat people --due-before friday\n  ppppt list --waiting --with dana\n  ppppt list +platform @office "rfc"',
    )
    .action(async (words: string[], options: ListOptions, command: Command) => {
      const ctx = contextOf(io, command);
      const query = await buildQuery(ctx, words, options);
      const { docket } = await readDocketFile(ctx.docketPath());
      const today = ctx.today();
      const index = docketIndex(docket);
      // Light rows over the index instead of every item built in full (which was most of the
      // time `list` took at 10k items), and only for the items the query's status and hidden
      // flag let through: `list` makes no row for a done item.
      const rows = index ? index.itemRows(query) : readOnlyItemLines(docket);
      const total = index ? index.itemCount() : rows.length;
      const items = await withGuessedCategories(ctx, rows, query);
      const shown = items.filter((l) => matchesQuery(l, query, today));
      const groups = groupByCategory(shown);
      if (options.json) {
        ctx.json(groups.flatMap((g) => g.items.map(itemJson)));
        return;
      }
      // Written in blocks of about 64 KB: a write per line costs more than rendering it, and
      // one string of the whole list (with its escaped and UTF-8 copies) was a third of the
      // memory `list` took on a 50 MB docket.
      const render = itemRenderer(today, ctx.style);
      let out = "";
      for (const group of groups) {
        out += `${ctx.style.bold(`${categoryHeading(group.category)} (${group.items.length})`)}\n`;
        for (const line of group.items) {
          out += `  ${render(line)}\n`;
          if (out.length >= OUTPUT_BLOCK) {
            io.stdout(out);
            out = "";
          }
        }
      }
      out += ctx.style.dim(`${shown.length} of ${total} items shown`);
      ctx.out(out);
      const bad = index ? index.invalidCount() : invalidLines(docket).length;
      if (bad > 0) {
        io.stderr(
          `ppppt: ${plural(bad, "line")} of ${ctx.docketPath()} could not be read and ${bad === 1 ? "is" : "are"} not shown; run \`ppppt check\`\n`,
        );
      }
      const repeats = index
        ? index.duplicateCount()
        : items.filter((l) => l.duplicateOf !== undefined).length;
      if (repeats > 0) {
        io.stderr(
          `ppppt: ${repeats} item${repeats === 1 ? " repeats" : "s repeat"} an earlier line's id (flagged); \`ppppt check --fix\` gives ${repeats === 1 ? "it its" : "each its"} own\n`,
        );
      }
    });
}

/**
 * Items without a `cat:` are shown under the category the classifier predicts, marked as a
 * guess; the file is not touched. The guesses come from the guess cache when it knows them all;
 * the model is loaded only when it does not, and only when such an item would be listed.
 */
async function withGuessedCategories(
  ctx: CliContext,
  lines: ItemLine[],
  query: ItemQuery,
): Promise<ItemLine[]> {
  // `--cat none` asks for the uncategorised items as they are.
  if (query.uncategorised) return lines;
  const today = ctx.today();
  const anyCategory = { ...query, categories: undefined };
  const missing = (l: ItemLine) =>
    l.item.category === undefined && matchesQuery(l, anyCategory, today);
  const needGuess = lines.filter(missing);
  if (needGuess.length === 0) return lines;
  const categorise = await loadGuesses(
    ctx,
    needGuess.map((l) => l.item.title),
  );
  const guessed = new Set(needGuess);
  return lines.map((l) => {
    if (!guessed.has(l)) return l;
    const guess = categorise(l.item.title);
    return guess ? withCategoryGuess(l, guess.category) : l;
  });
}

async function buildQuery(
  ctx: CliContext,
  words: string[],
  options: ListOptions,
): Promise<ItemQuery> {
  const today = ctx.today();
  const query: ItemQuery = {
    status: options.done ? "done" : options.all ? "all" : "open",
    includeHidden: options.all === true,
    projects: [...(options.project ?? [])],
    contexts: [...(options.context ?? [])],
    words: [],
  };
  for (const word of words) {
    if (word.startsWith("+") && word.length > 1) query.projects?.push(word.slice(1));
    else if (word.startsWith("@") && word.length > 1) query.contexts?.push(word.slice(1));
    else query.words?.push(word);
  }
  if (options.cat) {
    const categories: Category[] = [];
    for (const name of options.cat) {
      if (name.trim().toLowerCase() === "none") {
        query.uncategorised = true;
        continue;
      }
      const c = parseCategory(name);
      if (!c) {
        throw new PpppptError(`"${name}" is not a category`, {
          hint: "Use people, product, process, public, tech (or none).",
        });
      }
      categories.push(c);
    }
    query.categories = categories;
  }
  if (options.dueBefore || options.dueAfter) {
    const { requireNaturalDate } = await import("../../core/natural-date.js");
    if (options.dueBefore)
      query.dueTo = requireNaturalDate(options.dueBefore, today, "date for --due-before");
    if (options.dueAfter)
      query.dueFrom = requireNaturalDate(options.dueAfter, today, "date for --due-after");
  }
  if (options.waiting) query.waiting = true;
  if (options.with) {
    for (const name of options.with) {
      if (!isHandle(name.trim())) {
        throw new PpppptError(`"${name}" is not a person's handle`, {
          hint: "A handle is one word starting with a letter, as in with:dana or with:dana.k.",
        });
      }
    }
    query.people = options.with.map((n) => normaliseHandle(n.trim()));
  }
  if (options.overdue) query.dueTo = addDays(today, -1);
  return query;
}
