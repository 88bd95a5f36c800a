import { nameRedactor, oneOnOneNames, withNames } from "../deck/redact.js";
import type { ItemLine, Line } from "../docket/item.js";
import { parseItem } from "../docket/parse.js";
import { isPrivate } from "../docket/private.js";

/**
 * What of a person's docket travels to the team: a filtered copy, never the file itself.
 * - Items tagged `private:1` stay on the owner's machine.
 * - Comments, blank lines and lines ppppt cannot read stay too: they are free text that may
 *   say anything, and the roll-up only reads items.
 * - With `redact`, people's names become initials (the deck's rule: `with:` tags, 1:1s and the
 *   config's `people:` list). An item whose redacted text no longer reads as an item stays
 *   home rather than travel unredacted.
 * Lines end in "\n" whatever the owner's file uses, so the shared copy only changes in git
 * when an item does.
 */
export interface ShareOptions {
  redact: boolean;
  /** Names beyond what the items say (the config's `people:`). */
  people?: readonly string[];
}

export interface SharedDocket {
  text: string;
  shared: number;
  /** Items kept home because they are private. */
  privateItems: number;
  /** Comments, blank and unreadable lines kept home. */
  otherLines: number;
  /** Items kept home because redaction left a line that does not read. */
  unredactable: number;
}

/** `lines`: a docket's lines (or a done file's). */
export function sharedDocket(lines: readonly Line[], options: ShareOptions): SharedDocket {
  const items = lines.filter((l): l is ItemLine => l.kind === "item");
  const visible = items.filter((l) => !isPrivate(l.item));
  const redact = options.redact
    ? nameRedactor([
        ...(options.people ?? []),
        ...items.flatMap((l) => [...withNames(l.item), ...oneOnOneNames(l.item.title)]),
      ])
    : (text: string) => text;
  const out: string[] = [];
  let unredactable = 0;
  for (const line of visible) {
    const text = redact(line.text);
    const read = text === line.text ? line.item : parseItem(text);
    if (typeof read === "string" || isPrivate(read)) {
      unredactable++;
      continue;
    }
    out.push(`${text}\n`);
  }
  return {
    text: out.join(""),
    shared: out.length,
    privateItems: items.length - visible.length,
    otherLines: lines.length - items.length,
    unredactable,
  };
}
