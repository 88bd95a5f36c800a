import type { Command } from "commander";
import type { IsoDate } from "../core/dates.js";
import { changeEach } from "../core/docket/docket.js";
import {
  changeField,
  type DateReader,
  describeFieldChange,
  type FieldChange,
  type FieldName,
  parseFieldChange,
  readsDate,
} from "../core/docket/fields.js";
import type { ItemLine } from "../core/docket/item.js";
import { itemJson } from "../core/docket/item-json.js";
import { PpppptError } from "../core/errors.js";
import { updateDocketFile } from "../store/docket-file.js";
import { type CliContext, contextOf } from "./context.js";
import type { CliIO } from "./io.js";

/**
 * The commands that change one field (`due`, `pri`, `snooze`, `tag`, `untag`, `log`): each
 * takes an id, or several separated by commas (`a1b2,c3d4`), then the value in the user's
 * words. Every value is read before anything is written, and all items change or none does.
 */
export interface FieldCommand {
  name: string;
  field: FieldName;
  description: string;
  /** The value's name and help in `--help`. */
  value: [string, string];
  /** Each word of the value is its own change (`tag ID +promo @desk`), not one phrase. */
  eachWord?: boolean;
  /** The value may start with "-" (`log ID -15m`): such a word is the value, not an option. */
  signedValue?: boolean;
  examples: string[];
}

export function registerFieldCommand(program: Command, io: CliIO, spec: FieldCommand): void {
  const command = program.command(spec.name);
  if (spec.signedValue) command.allowUnknownOption();
  command
    .description(spec.description)
    .argument("<ids>", "the item's id, or several separated by commas (a1b2,c3d4)")
    .argument(...spec.value)
    .option("--json", "print the changed items as JSON")
    .addHelpText("after", `\nExamples:\n${spec.examples.map((e) => `  ${e}`).join("\n")}`)
    .action(async (ids: string, words: string[], options: { json?: boolean }, command: Command) => {
      const ctx = contextOf(io, command);
      const today = ctx.today();
      // The value may start with "-", so options commander does not know reach us: any such
      // word that is no negative number is still an unknown option, exit 2 as everywhere.
      const option = spec.signedValue ? words.find((w) => /^-(?![\d.])/.test(w)) : undefined;
      if (option !== undefined) {
        command.error(`error: unknown option '${option}'`, { code: "commander.unknownOption" });
      }
      const texts = spec.eachWord ? words : [words.join(" ")];
      const readDate = await dateReader(
        texts.some((t) => readsDate(spec.field, t)),
        today,
      );
      const changes = texts.map((t) => parseFieldChange(spec.field, t, readDate));
      const lines = await applyToEach(ctx, splitIds(ids), changes);
      if (options.json) {
        ctx.json(lines.map((l) => itemJson(l.after)));
        return;
      }
      for (const l of lines) printChanged(ctx, l.sentences.join("; "), l.after);
    });
}

interface Changed {
  after: ItemLine;
  sentences: string[];
}

async function applyToEach(
  ctx: CliContext,
  ids: string[],
  changes: FieldChange[],
): Promise<Changed[]> {
  return updateDocketFile(ctx.docketPath(), (docket) =>
    changeEach(docket, ids, (d, id) => {
      let current = d;
      let after: ItemLine | undefined;
      const sentences: string[] = [];
      for (const change of changes) {
        const r = changeField(current, id, change);
        current = r.docket;
        after = r.line;
        sentences.push(describeFieldChange(change, r.before, r.line));
      }
      return { docket: current, value: { after: after as ItemLine, sentences } };
    }),
  );
}

/** The natural-date parser (chrono) is loaded only by a command that reads a date. */
async function dateReader(needed: boolean, today: IsoDate): Promise<DateReader> {
  if (!needed) {
    return () => {
      throw new Error("readsDate said no date would be read");
    };
  }
  const { requireNaturalDate } = await import("../core/natural-date.js");
  return (text, what) => requireNaturalDate(text, today, what);
}

/** `a1b2,c3d4` → the ids, each once, in order. */
export function splitIds(text: string): string[] {
  const ids = [...new Set(text.split(",").map((id) => id.trim()))];
  if (ids.some((id) => id === "")) {
    throw new PpppptError(`"${text}" is not a list of ids`, {
      hint: "Separate several ids with commas and no spaces: a1b2,c3d4.",
    });
  }
  return ids;
}

/** What happened, then the line as it is now stored. */
export function printChanged(ctx: CliContext, sentence: string, line: ItemLine): void {
  ctx.out(sentence);
  ctx.out(`  ${ctx.style.dim(line.text)}`);
}
