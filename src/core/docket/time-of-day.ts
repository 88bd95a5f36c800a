import type { ItemLine } from "./item.js";

/**
 * `at:15:00`: the time of day an item is due, which `ppppt add` reads from "tomorrow 3pm" so
 * that it is kept, not dropped. A tag like any other: todo.txt apps keep it, and a value that
 * is not a 24-hour `HH:MM` ("at:home") is just someone else's tag.
 */
export const TIME_KEY = "at";

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isTimeOfDay(value: string): boolean {
  return HH_MM.test(value);
}

/** The item's `at:` time, or undefined. */
export function timeOfDay(line: ItemLine): string | undefined {
  // Looked for in the text first: on `list`'s light rows, reading the tags builds the item.
  const text = line.text;
  if (!text.startsWith("at:") && !text.includes(" at:") && !text.includes("\tat:"))
    return undefined;
  for (const tag of line.item.tags) {
    if (tag.key === TIME_KEY && isTimeOfDay(tag.value)) return tag.value;
  }
  return undefined;
}
