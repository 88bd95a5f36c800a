import { addBusinessDays, addDays, addMonths, type IsoDate } from "../dates.js";

/**
 * `rec:` as Simpletask and topydo write it: `rec:1w` repeats one week after completion,
 * `rec:+1w` one week after the previous due date (strict), units d, w, m, y and b (business days).
 */
export interface Recurrence {
  strict: boolean;
  count: number;
  unit: "d" | "w" | "m" | "y" | "b";
}

const REC = /^(\+?)(\d{1,4})([dwmyb])$/;

export function parseRecurrence(text: string): Recurrence | undefined {
  const m = REC.exec(text);
  if (!m) return undefined;
  const count = Number(m[2]);
  if (count === 0) return undefined;
  return { strict: m[1] === "+", count, unit: m[3] as Recurrence["unit"] };
}

export function advance(date: IsoDate, rec: Recurrence): IsoDate {
  switch (rec.unit) {
    case "d":
      return addDays(date, rec.count);
    case "w":
      return addDays(date, rec.count * 7);
    case "m":
      return addMonths(date, rec.count);
    case "y":
      return addMonths(date, rec.count * 12);
    case "b":
      return addBusinessDays(date, rec.count);
  }
}
