import { PpppptError } from "../errors.js";

/**
 * A saved review note is the user's file: ppppt owns only the part between two marker
 * comments (invisible when the Markdown is rendered) and keeps every other byte as it was,
 * so notes written above or below the generated review survive `review --write` run again.
 */
export const NOTE_BEGIN = "<!-- ppppt:begin -->";
export const NOTE_END = "<!-- ppppt:end -->";

export type NoteMerge = "created" | "updated" | "appended";

/**
 * The note's new text: a new file gets the generated part and an empty Notes section; a file
 * with one pair of markers gets the part between them replaced; a file without markers (written
 * by hand, or by a ppppt before markers) is kept whole and the generated part appended after
 * it. Markers out of order or repeated are refused: which part is ours would be a guess.
 */
export function mergeReviewNote(
  existing: string | undefined,
  generated: string,
): { text: string; merge: NoteMerge } {
  const block = `${NOTE_BEGIN}\n${generated.endsWith("\n") ? generated : `${generated}\n`}${NOTE_END}`;
  if (existing === undefined) {
    return { text: `${block}\n\n## Notes\n\n`, merge: "created" };
  }
  const begins = countOf(existing, NOTE_BEGIN);
  const ends = countOf(existing, NOTE_END);
  if (begins === 0 && ends === 0) {
    const sep = existing === "" ? "" : existing.endsWith("\n") ? "\n" : "\n\n";
    return { text: `${existing}${sep}${block}\n`, merge: "appended" };
  }
  const begin = existing.indexOf(NOTE_BEGIN);
  const end = existing.indexOf(NOTE_END);
  if (begins !== 1 || ends !== 1 || end < begin) {
    throw new PpppptError(
      `the note's ${NOTE_BEGIN} and ${NOTE_END} markers are not one pair in order, so ppppt cannot tell its part from yours`,
      { hint: "Leave one begin marker above one end marker (or remove both), then write again." },
    );
  }
  const text = existing.slice(0, begin) + block + existing.slice(end + NOTE_END.length);
  return { text, merge: "updated" };
}

function countOf(text: string, marker: string): number {
  let n = 0;
  for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + 1)) n++;
  return n;
}
