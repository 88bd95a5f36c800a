import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import writeFileAtomic from "write-file-atomic";
import type { IsoDate } from "../core/dates.js";
import { PpppptError } from "../core/errors.js";
import type { Assessment } from "../core/lens/assessment.js";
import { assessmentSchema } from "../core/lens/assessment-file.js";
import { mergeReviewNote, type NoteMerge } from "../core/lens/review-note.js";
import { besideDocket } from "./paths.js";

/**
 * The lens's own files beside the docket: weekly review notes (reviews/YYYY-MM-DD.md), the
 * due dates at the last written review (reviews/due-snapshot.json, so the next review can
 * tell what was pushed) and the last self-assessment (assessment.json). Written atomically.
 */

export function reviewNotePath(docketPath: string, date: IsoDate): string {
  return besideDocket(docketPath, `reviews/${date}.md`);
}

function snapshotPath(docketPath: string): string {
  return besideDocket(docketPath, "reviews/due-snapshot.json");
}

export function assessmentPath(docketPath: string): string {
  return besideDocket(docketPath, "assessment.json");
}

async function writeText(path: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, text, { fsync: true });
  } catch (error) {
    throw new PpppptError(`cannot write ${path}: ${(error as Error).message}`, { file: path });
  }
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new PpppptError(`cannot read ${path}: ${(error as Error).message}`, { file: path });
  }
}

/**
 * Saves the generated review into that day's note, keeping whatever the user wrote in it
 * (review-note.ts says how); a note whose markers are broken is left untouched and refused.
 */
export async function writeReviewNote(
  docketPath: string,
  date: IsoDate,
  markdown: string,
  due: Record<string, IsoDate>,
): Promise<{ path: string; merge: NoteMerge }> {
  const path = reviewNotePath(docketPath, date);
  const existing = await readOptional(path);
  let merged: ReturnType<typeof mergeReviewNote>;
  try {
    merged = mergeReviewNote(existing, markdown);
  } catch (error) {
    if (error instanceof PpppptError)
      throw new PpppptError(error.message, { file: path, hint: error.hint });
    throw error;
  }
  if (merged.text !== existing) await writeText(path, merged.text);
  await writeText(snapshotPath(docketPath), `${JSON.stringify({ date, due }, null, 2)}\n`);
  return { path, merge: merged.merge };
}

/** Due dates at the last written review; an unreadable snapshot is ignored (it is a cache). */
export async function readDueSnapshot(
  docketPath: string,
): Promise<Record<string, IsoDate> | undefined> {
  const text = await readOptional(snapshotPath(docketPath));
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as { due?: unknown };
    if (value.due && typeof value.due === "object") return value.due as Record<string, IsoDate>;
  } catch {
    // A half-edited snapshot only costs the "pushed" list; the review itself still works.
  }
  return undefined;
}

export async function readAssessment(docketPath: string): Promise<Assessment | undefined> {
  const path = assessmentPath(docketPath);
  const text = await readOptional(path);
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PpppptError(`not valid JSON: ${(error as Error).message}`, {
      file: path,
      hint: "Fix it, or run `ppppt assess` again to replace it.",
    });
  }
  const parsed = assessmentSchema.safeParse(value);
  if (!parsed.success) {
    throw new PpppptError(`not a saved assessment: ${parsed.error.issues[0]?.message}`, {
      file: path,
      hint: "Run `ppppt assess` again to replace it.",
    });
  }
  return parsed.data;
}

export async function writeAssessment(docketPath: string, a: Assessment): Promise<string> {
  const path = assessmentPath(docketPath);
  await writeText(path, `${JSON.stringify(a, null, 2)}\n`);
  return path;
}
