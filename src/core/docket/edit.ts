import type { IsoDate } from "../dates.js";
import { parseItem } from "./parse.js";

/**
 * Changes to one item's text. Each takes the line as written and returns it changed in the
 * least way possible, so the user's spacing and word order survive an edit.
 */

const TAG_SEPARATOR = /[ \t]+/;

function tokensWithSpace(text: string): string[] {
  // Odd entries are the runs of white space between words, so joining restores the line.
  return text.split(/([ \t]+)/);
}

/** Sets `key:value`, replacing the first such tag in place, or appending it; undefined removes it. */
export function setTag(text: string, key: string, value: string | undefined): string {
  const prefix = `${key}:`;
  const parts = tokensWithSpace(text);
  // Each word with the white space before it, so removing a tag removes exactly one gap.
  const words: { sep: string; word: string }[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    words.push({ sep: i > 0 ? (parts[i - 1] as string) : "", word: parts[i] as string });
  }
  let found = false;
  let pendingStart = false;
  const kept: { sep: string; word: string }[] = [];
  for (const w of words) {
    if (w.word.startsWith(prefix) && w.word.length > prefix.length) {
      if (!found && value !== undefined) {
        kept.push({ sep: w.sep, word: `${prefix}${value}` });
        found = true;
        continue;
      }
      found = true;
      if (kept.length === 0 || (kept.length === 1 && kept[0]?.word === "")) {
        // The line began with the removed tag: the next word takes its place at the start.
        pendingStart = true;
      }
      continue;
    }
    if (pendingStart) {
      kept.push({ sep: "", word: w.word });
      pendingStart = false;
    } else kept.push(w);
  }
  let out = kept.map((w) => w.sep + w.word).join("");
  if (!found && value !== undefined) {
    const trimmed = out.replace(/[ \t]+$/, "");
    out = trimmed === "" ? `${prefix}${value}` : `${trimmed} ${prefix}${value}`;
  }
  return out;
}
export function getTag(text: string, key: string): string | undefined {
  const prefix = `${key}:`;
  for (const word of text.split(TAG_SEPARATOR)) {
    if (word.startsWith(prefix) && word.length > prefix.length) return word.slice(prefix.length);
  }
  return undefined;
}

interface Head {
  done: boolean;
  completed: string | undefined;
  priority: string | undefined;
  created: string | undefined;
  body: string;
}

function splitHead(text: string): Head {
  const item = parseItem(text);
  if (typeof item === "string") {
    return {
      done: false,
      completed: undefined,
      priority: undefined,
      created: undefined,
      body: text,
    };
  }
  return {
    done: item.done,
    completed: item.completed,
    priority: item.priority,
    created: item.created,
    body: item.body,
  };
}

function joinHead(h: Head): string {
  const parts: string[] = [];
  if (h.done) {
    parts.push("x");
    if (h.completed) parts.push(h.completed);
  }
  if (h.priority && !h.done) parts.push(`(${h.priority})`);
  if (h.created) parts.push(h.created);
  parts.push(h.body);
  return parts.join(" ");
}

/**
 * Marks done as todo.txt does: `x`, the completion date, the creation date kept. The priority
 * moves into a `pri:` tag (Simpletask's convention) so that undo can give it back.
 */
export function completeText(line: string, on: IsoDate): string {
  const h = splitHead(line);
  if (h.done) return line;
  let body = h.body;
  if (h.priority) body = setTag(body, "pri", h.priority);
  return joinHead({ ...h, done: true, completed: on, priority: undefined, body });
}

export function reopenText(line: string): string {
  const h = splitHead(line);
  if (!h.done) return line;
  const pri = getTag(h.body, "pri");
  const body = pri ? setTag(h.body, "pri", undefined) : h.body;
  const priority = pri && /^[A-Z]$/.test(pri) ? pri : undefined;
  return joinHead({ ...h, done: false, completed: undefined, priority, body });
}

export function setPriorityText(line: string, priority: string | undefined): string {
  const h = splitHead(line);
  if (h.done) return line;
  return joinHead({ ...h, priority });
}

/**
 * How an edit treats what the new text does not say:
 * - `keep`: the new text is the new wording; the head (done mark, priority, dates) and every
 *   tag, +project and @context of the old line that the new text does not set itself stay
 *   (`ppppt edit ID TEXT`, the API's default). Retyping a title never loses a due date.
 * - `wording`: the new text is the whole body as an editor showed it (everything but the head,
 *   id: and cat:); what the user deleted from it goes, the head, id: and cat: stay (the
 *   dashboard's edit box).
 * - `replace`: the new text is the whole line, head included; only the id: stays, so the
 *   item keeps its address (`ppppt edit ID --replace TEXT`).
 */
export type EditMode = "keep" | "wording" | "replace";

export const EDIT_MODES: readonly EditMode[] = ["keep", "wording", "replace"];

/** The item's line after the user gave it `text`, by `mode` (see EditMode). */
export function editItemText(line: string, text: string, mode: EditMode): string {
  const newText = text.trim();
  const id = getTag(line, "id");
  if (mode === "replace") {
    return id !== undefined && getTag(newText, "id") === undefined
      ? setTag(newText, "id", id)
      : newText;
  }
  const old = splitHead(line);
  let priority = old.priority;
  let body = newText;
  const pm = /^\(([A-Z])\)[ \t]+/.exec(body);
  if (pm) {
    priority = pm[1];
    body = body.slice(pm[0].length);
  }
  const keptKeys = mode === "wording" ? new Set(["id", "cat"]) : undefined;
  const item = parseItem(line);
  const tagWords = new Set(
    typeof item === "string" ? [] : item.tags.map((t) => `${t.key}:${t.value}`),
  );
  const newWords = new Set(body.split(TAG_SEPARATOR));
  for (const word of old.body.split(TAG_SEPARATOR)) {
    if (word === "" || newWords.has(word)) continue;
    if (tagWords.has(word)) {
      const key = word.slice(0, word.indexOf(":"));
      if (keptKeys && !keptKeys.has(key)) continue;
      if (getTag(body, key) !== undefined) continue;
    } else if (keptKeys || !/^[+@]\S/.test(word)) continue;
    body = `${body} ${word}`;
    newWords.add(word);
  }
  return joinHead({ ...old, priority, body });
}
