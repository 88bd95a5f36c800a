import type { Category } from "../category.js";
import type { IsoDate } from "../dates.js";
import type { Recurrence } from "./recurrence.js";

/** How a line ended in the file; the last line may have none. */
export type Eol = "\n" | "\r\n" | "";

export interface Tag {
  readonly key: string;
  readonly value: string;
}

/**
 * One todo.txt task, read. Every field is derived from `text`; to change an item, change its
 * text (see edit.ts) and parse again, so the text in the file stays the single truth.
 */
export interface Item {
  done: boolean;
  /** "A" to "Z", or undefined. */
  priority: string | undefined;
  completed: IsoDate | undefined;
  created: IsoDate | undefined;
  /** Everything after the done mark, priority and dates. */
  body: string;
  /** The body without key:value tags: what a person reads. Keeps +projects and @contexts. */
  title: string;
  projects: readonly string[];
  contexts: readonly string[];
  tags: readonly Tag[];
  /** The `id:` tag; undefined for items written by other apps (see Line.id). */
  ownId: string | undefined;
  category: Category | undefined;
  /** True when the category was guessed by the classifier and not confirmed (`cat:tech?`). */
  categoryGuess: boolean;
  due: IsoDate | undefined;
  /** todo.txt's `t:`: the item is hidden from lists until this date. */
  threshold: IsoDate | undefined;
  rec: Recurrence | undefined;
  /** todo.txt's `h:1`. */
  hidden: boolean;
  /** Estimated effort in minutes (`est:`). */
  estimate: number | undefined;
  /** Time spent in minutes (`spent:`). */
  spent: number | undefined;
}

export type Line = ItemLine | OtherLine;

export interface ItemLine {
  kind: "item";
  /** 1-based line number in the file as read; 0 for lines added since. */
  number: number;
  text: string;
  eol: Eol;
  item: Item;
  /** The item's address: its `id:` tag, else an id derived from its text. */
  id: string;
  /**
   * Set when an earlier line already has this line's `id:` (a line copied in an editor): that
   * line's number. The item is kept, shown and counted, flagged; its address (`id`) is derived
   * from its text until a change or `check --fix` writes an id of its own.
   */
  duplicateOf?: number;
}

export interface OtherLine {
  kind: "blank" | "comment" | "invalid";
  number: number;
  /** The line as read; raw bytes when it was not valid UTF-8. */
  text: string | Uint8Array;
  eol: Eol;
  /** For invalid lines: what is wrong, as `ppppt check` reports it. */
  problem?: string;
}

export interface Docket {
  /** The file began with a UTF-8 byte order mark. */
  bom: boolean;
  lines: Line[];
}

/** The keys ppppt gives meaning to; all others are kept as the user wrote them. */
export const PPPPT_KEYS = [
  "id",
  "cat",
  "due",
  "at",
  "t",
  "rec",
  "h",
  "est",
  "spent",
  "pri",
] as const;
