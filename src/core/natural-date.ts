import * as chrono from "chrono-node";
import {
  addDays,
  addMonths,
  type IsoDate,
  isIsoDate,
  localIsoDate,
  weekdayIndex,
} from "./dates.js";
import { PpppptError } from "./errors.js";

/**
 * The one place dates typed by people are read ("friday", "next week", "in 3 days",
 * "2026-12-01", "dec 3", "EOW", "the 15th"), relative to an injectable today: chrono-node for
 * what it knows, a few patterns of ours for what it does not (see docs/capture.md).
 */

function referenceFor(today: IsoDate): Date {
  // Noon keeps "today" on the same calendar day whatever the local zone does.
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12, 0, 0);
}

const SHORTHANDS: Record<string, number> = { today: 0, tod: 0, tomorrow: 1, tom: 1, yesterday: -1 };

export function parseNaturalDate(text: string, today: IsoDate): IsoDate | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (isIsoDate(t)) return t;
  if (t in SHORTHANDS) return addDays(today, SHORTHANDS[t] as number);
  for (const pattern of PATTERNS) {
    const m = pattern.whole.exec(t);
    if (m) {
      const date = pattern.date(m, today);
      if (date !== undefined) return date;
    }
  }
  const results = mayNameADate(t)
    ? chrono.parse(t, referenceFor(today), { forwardDate: true })
    : [];
  const first = results[0];
  if (first === undefined || first.index !== 0 || first.text.length !== t.length) {
    return undefined;
  }
  return localIsoDate(first.start.date());
}

export function requireNaturalDate(text: string, today: IsoDate, what = "date"): IsoDate {
  const date = parseNaturalDate(text, today);
  if (date === undefined) {
    throw new PpppptError(`"${text}" is not a ${what} ppppt can read`, {
      hint: 'Try 2026-12-01, "friday", "next week", "in 3 days" or "dec 3".',
    });
  }
  return date;
}

export interface FoundDate {
  /** The due date; undefined only for a repetition that names no day ("every month"). */
  date: IsoDate | undefined;
  /** A time of day said with the date ("tomorrow 3pm"), as `HH:MM`, 24-hour. */
  time?: string | undefined;
  /** A repetition ("every friday"), as a `rec:` value (`+1w`). */
  recurrence?: string | undefined;
  /** The words that said it, as typed, without the word that introduced them ("Fri 4pm"). */
  phrase: string;
  /**
   * The text with the due-date phrase, the word introducing it ("by", "due"…) and a part of
   * the day or time said with it taken out; every other word where it was. The whole text
   * when nothing else would be left.
   */
  rest: string;
}

/**
 * Finds the due date inside free text: "Send the promo packet to Dana by friday". A phrase
 * is a due date only when it is used as one: introduced by a due word ("by", "before", "due",
 * "deadline"…) or standing apart (at the end, or followed by a word such as "about" or a
 * punctuation mark), never when it is part of what the item is about ("the Monday staff
 * meeting", "Saturday's outage", "older than 6 months", "Interview April", a question). The
 * full rule, with examples, is docs/capture.md.
 */
export function findDateInText(text: string, today: IsoDate): FoundDate | undefined {
  const masked = maskTokens(text);
  const candidates = candidatesIn(masked, today);
  const accepted: Accepted[] = [];
  for (const c of candidates) {
    const a = accept(c, masked, today);
    // Taking words out never takes a tag, a +project or a @context with them.
    if (a && text.slice(a.start, a.end) === masked.slice(a.start, a.end)) accepted.push(a);
  }
  // A candidate inside another's taken words ("EOD" in "Friday EOD") is part of that one.
  accepted.sort((a, b) => a.start - b.start);
  const separate: Accepted[] = [];
  for (const a of accepted) {
    const last = separate[separate.length - 1];
    if (last && a.start < last.end) continue;
    separate.push(a);
  }
  const chosen =
    separate.filter((a) => a.introduced).pop() ?? separate[separate.length - 1] ?? undefined;
  if (!chosen) return undefined;
  const rest = withoutSpan(text, chosen.start, chosen.end);
  return {
    date: chosen.date,
    time: chosen.time,
    recurrence: chosen.recurrence,
    phrase: text.slice(chosen.phraseStart, chosen.phraseEnd).replace(/^\(|\)$/g, ""),
    rest: WORD_CHAR.test(rest) ? rest : text,
  };
}

// ---------------------------------------------------------------------------------------------
// Candidates: every phrase chrono or our patterns read as a date, before judging its use.

type Kind =
  /** A day: today, tomorrow, tonight, next week, Dec 15, 2026-12-15, EOW, day after tomorrow. */
  | "day"
  /** A weekday, maybe with "next"/"this": friday, next Tuesday, Fri 4pm. */
  | "weekday"
  /** A month alone: March, by January. */
  | "month"
  /** A day of the month alone: the 15th. */
  | "ordinal"
  /** A count of days, weeks, months from now: in 3 weeks, within a fortnight. */
  | "relative"
  /** 12/15 or 3/4: a date only when a due word introduces it. */
  | "slash"
  /** every friday, every 2 weeks. */
  | "every"
  /** A time alone: today at that time after a due word ("by 5pm"), else words ("at 10:30"). */
  | "time"
  /** next week, next month: a due date, but after "for" what the item is for ("plan for next week"). */
  | "period";

interface Candidate {
  kind: Kind;
  start: number;
  end: number;
  date: IsoDate | undefined;
  time: string | undefined;
  recurrence?: string;
  /** A due word chrono took into its match ("on Monday", "in 3 weeks"), and where it starts. */
  leadingIntro?: string;
  introStart?: number;
  /** "3 weeks from now": a count that says it is counted from today. */
  fromNow?: boolean;
  /** A weekday written short ("fri", "sat"), which is a word too often to count unintroduced. */
  abbreviated?: boolean;
}

const WEEKDAY_INDEX: Record<string, number> = {
  monday: 0,
  mon: 0,
  tuesday: 1,
  tue: 1,
  tues: 1,
  wednesday: 2,
  wed: 2,
  weds: 2,
  thursday: 3,
  thu: 3,
  thur: 3,
  thurs: 3,
  friday: 4,
  fri: 4,
  saturday: 5,
  sat: 5,
  sunday: 6,
  sun: 6,
};
const WEEKDAY = Object.keys(WEEKDAY_INDEX)
  .sort((a, b) => b.length - a.length)
  .join("|");
const FULL_WEEKDAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  other: 2,
};
const COUNT = "\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten";

function countOf(word: string | undefined): number {
  if (word === undefined) return 1;
  const n = NUMBER_WORDS[word.toLowerCase()];
  return n ?? Number(word);
}

/** The first day on or after `from` that is the weekday (0 = Monday). */
function nextWeekday(from: IsoDate, weekday: number): IsoDate {
  return addDays(from, (weekday - weekdayIndex(from) + 7) % 7);
}

function lastDayOfMonth(date: IsoDate): IsoDate {
  return addDays(addMonths(`${date.slice(0, 7)}-01`, 1), -1);
}

/** The day named by a base word of "a week from …": today, tomorrow, now, a weekday. */
function baseDay(word: string, today: IsoDate): IsoDate | undefined {
  const w = word.toLowerCase();
  if (w === "today" || w === "now") return today;
  if (w === "tomorrow") return addDays(today, 1);
  const weekday = WEEKDAY_INDEX[w];
  return weekday === undefined ? undefined : nextWeekday(today, weekday);
}

interface OurPattern {
  kind: Kind;
  re: RegExp;
  date(m: RegExpExecArray, today: IsoDate): IsoDate | undefined;
  recurrence?(m: RegExpExecArray): string | undefined;
}

/**
 * Phrases chrono-node does not read (or reads as something else: "day after tomorrow" as
 * tomorrow, "a week from friday" as two dates). Each is also accepted by `--due`.
 */
const OUR_PATTERNS: readonly OurPattern[] = [
  {
    kind: "day",
    re: /(?:the )?day after tomorrow/,
    date: (_m, today) => addDays(today, 2),
  },
  {
    kind: "day",
    re: new RegExp(`(${COUNT}) (days?|weeks?|fortnights?) from (today|tomorrow|now|${WEEKDAY})`),
    date: (m, today) => {
      const base = baseDay(m[3] as string, today);
      const unit = (m[2] as string).toLowerCase();
      const days = unit.startsWith("day") ? 1 : unit.startsWith("week") ? 7 : 14;
      return base === undefined ? undefined : addDays(base, countOf(m[1]) * days);
    },
  },
  {
    kind: "relative",
    re: new RegExp(`(${COUNT}) fortnights?`),
    date: (m, today) => addDays(today, countOf(m[1]) * 14),
  },
  {
    // End of a period: EOD and COB are today, EOW this week's Friday (the next one at a
    // weekend), EOM, EOQ and EOY the period's last day.
    kind: "day",
    re: /(eod|cob|eow|eom|eoq|eoy)|(?:the )?end of (?:the )?(this |next )?(day|week|month|quarter|year)/,
    date: (m, today) => {
      const short = m[1]?.toLowerCase();
      const next = m[2]?.trim().toLowerCase() === "next";
      const unit = short
        ? { eod: "day", cob: "day", eow: "week", eom: "month", eoq: "quarter", eoy: "year" }[short]
        : (m[3] as string).toLowerCase();
      switch (unit) {
        case "day":
          return next ? addDays(today, 1) : today;
        case "week":
          return nextWeekday(next ? addDays(today, 7 - weekdayIndex(today)) : today, 4);
        case "month":
          return lastDayOfMonth(next ? addMonths(today, 1) : today);
        case "quarter": {
          const month = Number(today.slice(5, 7));
          const last = Math.ceil(month / 3) * 3 + (next ? 3 : 0);
          return lastDayOfMonth(addMonths(`${today.slice(0, 4)}-01-01`, last - 1));
        }
        default:
          return `${Number(today.slice(0, 4)) + (next ? 1 : 0)}-12-31`;
      }
    },
  },
  {
    // "this week" is by its Friday, "this month" by its last day: a day in them is no deadline.
    kind: "period",
    re: /this (week|month)/,
    date: (m, today) =>
      (m[1] as string).toLowerCase() === "week" ? nextWeekday(today, 4) : lastDayOfMonth(today),
  },
  {
    // "the 15th": this month's, or next month's once this month's has passed.
    kind: "ordinal",
    re: /(?:the )?([12]?\d|3[01])(?:st|nd|rd|th)/,
    date: (m, today) => {
      const day = Number(m[1]);
      if (day < 1) return undefined;
      for (let ahead = 0; ahead < 3; ahead++) {
        const month = addMonths(`${today.slice(0, 7)}-01`, ahead);
        const date = `${month.slice(0, 8)}${String(day).padStart(2, "0")}`;
        if (isIsoDate(date) && date >= today) return date;
      }
      return undefined;
    },
  },
  {
    // A repetition: "every friday" is due the coming Friday and repeats a week after the due
    // date (`rec:+1w`, so a late week does not move it off Fridays); "every 2 weeks" repeats
    // after completion and names no day.
    kind: "every",
    re: new RegExp(
      `every (other )?(?:(${WEEKDAY})|(weekday|business day|working day)|(?:(${COUNT}) )?(days?|weeks?|months?|quarters?|years?))`,
    ),
    date: (m, today) => {
      const weekday = m[2] ? WEEKDAY_INDEX[m[2].toLowerCase()] : undefined;
      return weekday === undefined ? undefined : nextWeekday(today, weekday);
    },
    recurrence: (m) => {
      const other = m[1] !== undefined;
      if (m[2]) return other ? "+2w" : "+1w";
      if (m[3]) return "1b";
      const count = countOf(m[4]) * (other ? 2 : 1);
      const unit = (m[5] as string).toLowerCase();
      if (unit.startsWith("quarter")) return `${count * 3}m`;
      return `${count}${unit[0]}`;
    },
  },
];

/**
 * A letter or digit of the scripts ppppt's users write in. Not `\p{L}`: with the Unicode
 * classes the first findDateInText of a process (all `add` makes) took ~165 ms rather than
 * ~100 ms (fastest of 10 runs; chrono-node's first parse is most of the rest).
 */
const WORD_CHAR = /[0-9A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/;
const WORD_CLASS = WORD_CHAR.source.slice(1, -1);

/** Each pattern as it is looked for inside text (whole words), and as a whole `--due`. */
const PATTERNS = OUR_PATTERNS.map((p) => ({
  ...p,
  within: new RegExp(`(?<![${WORD_CLASS}'’:/.-])(?:${p.re.source})(?![${WORD_CLASS}])`, "gi"),
  whole: new RegExp(`^(?:${p.re.source})$`, "i"),
}));

/**
 * Whether chrono-node could read a date anywhere in the text: false only when none of its
 * English parsers can match, so chrono is not asked. Its first parse in a process costs about
 * 30 ms (a third of a `node -e 0`: it builds and first runs some twenty large regular
 * expressions), and most items (`add "Review the caching RFC"`) name no date at all.
 *
 * Every pattern of chrono's casual English configuration (chrono-node 2.10) needs one of:
 * - a digit (ISO, slash and year formats, times of day, "in 3 days", "+2w");
 * - a word of its dictionaries, ending where a letter does not follow, though letters may come
 *   before it ("nextweek", "friday"; weekday, month, casual and unit words of three letters or
 *   more);
 * - a one- or two-letter time unit (s, m, h, d, w, mo, y, yr…) right after a number word or a
 *   relative word ("a m", "in a d", "the w", "lasts" as "last s").
 * The test suite holds this to chrono's own dictionaries and parser list, so an upgrade that
 * adds a word or a parser fails it, and checks that chrono finds nothing in any real-world
 * text the gate turns away.
 */
export function mayNameADate(text: string): boolean {
  const lower = text.toLowerCase();
  return /[0-9]/.test(lower) || DATE_WORD.test(lower) || SHORT_UNIT.test(lower);
}

const words = (list: string) => list.split(" ").join("|");

/** What chrono lets follow a time unit with no space between ("dayslater", "2wago"). */
const UNIT_TAIL = words("ago before earlier later after from henceforth forward out");

/** What chrono lets follow a month name with no space between ("mayof", "decfirst"). */
const MONTH_TAIL = words(
  "of first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty thirtieth thirty",
);

const DATE_WORD = new RegExp(
  [
    // Weekdays (chrono's WEEKDAY_DICTIONARY) and the two words its weekday parser adds; a
    // weekday is followed by letters only in "fridaynextweek", whose "week" is found itself.
    `(?:${words("sunday sun monday mon tuesday tue wednesday wed thursday thurs thur thu friday fri saturday sat weekend weekday")})(?![a-z])`,
    // Casual days and times of day (ENCasualDateParser, ENCasualTimeParser).
    `(?:${words("now today tonight tomorrow overmorrow tmr tmrw yesterday night morning afternoon evening midnight midday noon")})(?![a-z])`,
    // Time units of three letters or more (TIME_UNIT_DICTIONARY).
    `(?:${words("sec second seconds min mins minute minutes hrs hour hours day days week weeks mon mos month months qtr quarter quarters year years")})(?:${UNIT_TAIL})?(?![a-z])`,
    // Months (MONTH_DICTIONARY).
    `(?:${words("january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec")})(?:${MONTH_TAIL})?(?![a-z])`,
  ].join("|"),
);

/** Number words (NUMBER_PATTERN) and relative words, then a short unit, with room between. */
const SHORT_UNIT = new RegExp(
  `(?:${words("one two three four five six seven eight nine ten eleven twelve half an?\\b few several the couple of this last past next after")})\\s*(?:${words("s m h hr d w mo y yr")})(?:${UNIT_TAIL})?(?![a-z])`,
);

function candidatesIn(masked: string, today: IsoDate): Candidate[] {
  const found: Candidate[] = [];
  for (const p of PATTERNS) {
    const re = p.within;
    re.lastIndex = 0;
    for (let m = re.exec(masked); m !== null; m = re.exec(masked)) {
      const date = p.date(m, today);
      const recurrence = p.recurrence?.(m);
      if (date === undefined && recurrence === undefined) continue;
      found.push({
        kind: p.kind,
        start: m.index,
        end: m.index + m[0].length,
        date,
        time: undefined,
        ...(recurrence === undefined ? {} : { recurrence }),
      });
    }
  }
  if (mayNameADate(masked)) {
    for (const r of chrono.parse(masked, referenceFor(today), { forwardDate: true })) {
      const c = fromChrono(r, masked, today);
      if (c) found.push(c);
    }
  }
  // Where two readings overlap, a repetition wins ("every friday" over "friday at 10am"),
  // then the longer ("Dec 15th" over "15th"), then ours.
  found.sort(
    (a, b) =>
      Number(b.kind === "every") - Number(a.kind === "every") ||
      b.end - b.start - (a.end - a.start),
  );
  const kept: Candidate[] = [];
  for (const c of found) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept;
}

const LEADING_INTRO = /^(on|in|within|by|for)\s+/i;
const CHRONO_TAIL = /(?:[,.;:]+|\s+(?:of|the|at|on|in|by))+$/i;
const RELATIVE_COUNT = new RegExp(
  `\\b(?:${COUNT}|few|couple of)\\s+(?:days?|weeks?|months?|years?|quarters?)\\b`,
  "i",
);

/** What a chrono match is, or undefined when it is never a due date. */
function fromChrono(r: chrono.ParsedResult, masked: string, today: IsoDate): Candidate | undefined {
  let start = r.index;
  // chrono takes a comma after a weekday into its match ("Friday,"), and an "of" ("Dec of").
  let text = r.text.replace(CHRONO_TAIL, "");
  // A match inside a word ("1 March" in "1:1 March") is not one.
  const before = r.index > 0 ? (masked[r.index - 1] as string) : " ";
  if (WORD_CHAR.test(before) || /[:/.'’-]/.test(before)) return undefined;
  let leadingIntro: string | undefined;
  const intro = LEADING_INTRO.exec(text);
  if (intro) {
    leadingIntro = (intro[1] as string).toLowerCase();
    start += intro[0].length;
    text = text.slice(intro[0].length);
  }
  const c = r.start;
  const lower = text.toLowerCase();
  // "ver. 1.12.1264" is a version, not 12 January 1264; "a free weekend" is no particular one.
  if (/\d\.\d/.test(lower)) return undefined;
  if (/\bweekend\b/.test(lower) && !/\b(this|next|coming)\s+weekend\b/.test(lower)) {
    return undefined;
  }
  // A span ("tomorrow to 3pm", "Dec 3 - 5") is not one due date; "1:1" is not a time.
  if (r.end !== null && r.end !== undefined) return undefined;
  if (/\d:\d(?!\d)/.test(lower)) return undefined;
  // "15th of Dec" is a date; chrono also reads "15 of Monday" as 15:00 on Monday.
  if (/\sof\s/.test(lower) && !/^\d{1,2}(?:st|nd|rd|th)? of [a-z]+$/.test(lower)) return undefined;
  // The past, and spans of a day or less, are never a due date ("last week", "5 minutes").
  if (/\b(last|ago|yesterday|past|previous|earlier)\b/.test(lower)) return undefined;
  if (/\b(seconds?|minutes?|mins?|hours?|hrs?)\b/.test(lower)) return undefined;
  const time = c.isCertain("hour")
    ? `${String(c.get("hour")).padStart(2, "0")}:${String(c.get("minute") ?? 0).padStart(2, "0")}`
    : undefined;
  const base = {
    start,
    end: r.index + r.text.replace(CHRONO_TAIL, "").length,
    date: localIsoDate(c.date()),
    time,
    ...(leadingIntro === undefined ? {} : { leadingIntro, introStart: r.index }),
  };
  if (/^\d{1,2}\/\d{1,2}(\/\d{2,4})?$/.test(text.trim())) return { kind: "slash", ...base };
  if (RELATIVE_COUNT.test(lower)) {
    return { kind: "relative", ...base, fromNow: /\bfrom (now|today)\b/.test(lower) };
  }
  // chrono reads "the week" and "about the week" as a week from now.
  if (
    /\b(days?|weeks?|months?|quarters?|years?)\b/.test(lower) &&
    !/\b(next|this|coming) (week|month|quarter|year)\b/.test(lower)
  ) {
    return undefined;
  }
  // A quarter or a year from chrono is a date in it, not a deadline ("goals for this quarter");
  // EOQ, EOY and "end of next quarter" say one.
  if (/\b(quarter|year)\b/.test(lower)) return undefined;
  if (/\b(next|this|coming) (week|month)\b/.test(lower)) return { kind: "period", ...base };
  if (
    c.isCertain("day") ||
    /\b(today|tonight|tomorrow|this (morning|afternoon|evening))\b/.test(lower)
  )
    return { kind: "day", ...base };
  if (c.isCertain("weekday") && !c.isCertain("day")) {
    return {
      kind: "weekday",
      ...base,
      abbreviated: !FULL_WEEKDAY.test(text) && !/weekend/i.test(text),
    };
  }
  if (c.isCertain("month")) return { kind: "month", ...base };
  // Today, whatever chrono's forward reading makes of an hour before its reference noon.
  if (time !== undefined && !c.isCertain("year")) return { kind: "time", ...base, date: today };
  // A year alone ("2027"): a word, left in the text.
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Judging a candidate by the words around it.

interface Accepted {
  /** The taken words: introduction, phrase, time or part of the day after it. */
  start: number;
  end: number;
  phraseStart: number;
  phraseEnd: number;
  introduced: boolean;
  date: IsoDate | undefined;
  time: string | undefined;
  recurrence: string | undefined;
}

/** Words that make what follows a deadline: "by", "before", "until" (and "due", "deadline"). */
const STRONG_INTROS = new Set(["by", "before", "until", "till", "til", "no later than"]);
/** "on" and "for" introduce a day too, but also a topic ("Report on Monday deploys"). */
const WEAK_INTROS = new Set(["on", "for"]);
const COUNT_INTROS = new Set(["in", "within"]);

const PREPOSITION_BEFORE =
  /(?:^|[\s(])(by|on|before|until|till|til|for|in|within|no later than)\s+$/i;
const DUE_WORD_BEFORE = /(?:^|[\s(])(due date|due|deadline)(?::|\s+[-–—])?\s+$/i;

/**
 * Words before a bare day that make it part of a name or a description: "the Tuesday release",
 * "last Friday", "to Wednesday", "his weekend", "Dana's Friday demo", "Black Friday".
 */
const BLOCKERS = new Set(
  (
    "the a an last past previous since after from to of than each every this that these those " +
    "and or nor & " +
    "my your his her its our their about regarding re re: around between first second third " +
    "fourth black cyber good " +
    "patch giving super easter ash maundy holy palm shrove fat boxing"
  ).split(" "),
);

/** Words after a bare day that leave it standing apart: "Sync with Dana friday about X". */
const FOLLOWERS = new Set(
  (
    "about with for to re re: regarding and or but so then if when whether once before after at " +
    "on in via from & + - – — please the a an my our his her their your ok asap latest " +
    "morning afternoon evening night noon eod cob am pm"
  ).split(" "),
);

const MONTH_NAME =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const ANOTHER_DAY_AFTER = new RegExp(
  `^\\s*(?:or|and|&|to|through|thru|/|-|–|—)\\s*(?:next\\s+|this\\s+)?(?:${WEEKDAY}|${MONTH_NAME}|today|tomorrow|\\d)(?![a-z])`,
  "i",
);

const TIME_AFTER =
  /^\s+(?:at\s+)?(?:(\d{1,2})(?::(\d{2}))?\s?(am|pm)|([01]?\d|2[0-3]):([0-5]\d)|(noon|midday))(?=$|[\s,.;!)])/i;
const PART_OF_DAY_AFTER =
  /^\s+(?:in the\s+|at\s+)?(morning|afternoon|evening|night|eod|cob|end of (?:the )?day|the latest|latest)(?=$|[\s,.;!)])/i;

function accept(c: Candidate, masked: string, today: IsoDate): Accepted | undefined {
  // A possessive ("Saturday's outage", "last week's incident") names a thing, not a deadline.
  if (/^['’]s\b/i.test(masked.slice(c.end))) return undefined;
  if (inQuestion(masked, c.end)) return undefined;

  let start = c.introStart ?? c.start;
  let prep = c.leadingIntro;
  if (prep === undefined) {
    const m = PREPOSITION_BEFORE.exec(masked.slice(0, start));
    if (m) {
      prep = (m[1] as string).toLowerCase().replace(/\s+/g, " ");
      start = m.index + m[0].indexOf(m[1] as string);
    }
  }
  const due = DUE_WORD_BEFORE.exec(masked.slice(0, start));
  if (due) start = due.index + due[0].indexOf(due[1] as string);
  const counting = prep !== undefined && COUNT_INTROS.has(prep);
  // A day already past is a due date only when said to be one ("due 2026-11-20").
  if (c.date !== undefined && c.date < today && due === null) return undefined;
  // "due in 3 weeks", "deadline on Friday": a due word makes any introduction strong.
  const strong = due !== null || (prep !== undefined && STRONG_INTROS.has(prep));
  const weak = !strong && prep !== undefined && WEAK_INTROS.has(prep);

  if (c.kind === "relative") {
    // A count is a due date only from now: "in 3 weeks", not "older than 6 months".
    if (!counting && !c.fromNow) return undefined;
  } else if (counting && !strong) {
    // "in" before a day or a month is when a thing happens ("the offsite in January").
    return undefined;
  }
  switch (c.kind) {
    case "month":
      if (!strong) return undefined;
      break;
    case "ordinal":
    case "slash":
      if (!strong && !weak) return undefined;
      break;
    case "time":
      if (!strong || due !== null) return undefined;
      break;
    case "period":
      if (prep === "for" && due === null) return undefined;
      break;
    case "weekday":
      if (c.abbreviated && !strong && !weak && c.time === undefined) return undefined;
      break;
    default:
      break;
  }
  // "by Tuesday or Wednesday", "Dec 3 - 5": a choice or a span of days is not one due date.
  if (ANOTHER_DAY_AFTER.test(masked.slice(c.end))) return undefined;
  if (c.kind === "every") {
    // "every Monday and Thursday" is two repetitions; rec: holds one.
    if (/^\s*(?:,|and|&|or)\s+/i.test(masked.slice(c.end))) return undefined;
  } else if (!strong && !counting) {
    // Unintroduced, or after "on"/"for": a day counts only standing apart from the words
    // around it, not describing them.
    if (prep === undefined && !due && BLOCKERS.has(wordBefore(masked, start))) return undefined;
    if (!standsApart(masked, c.end)) return undefined;
  }

  let end = c.end;
  let time = c.time;
  for (let i = 0; i < 2; i++) {
    const after = masked.slice(end);
    const t = TIME_AFTER.exec(after);
    if (t && time === undefined) {
      time = timeOf(t);
      end += t[0].length;
      continue;
    }
    const p = PART_OF_DAY_AFTER.exec(after);
    if (p) {
      end += p[0].length;
      continue;
    }
    break;
  }
  return {
    start,
    end,
    // "in 3 weeks" says more than "3 weeks"; "by friday" no more than "friday".
    phraseStart: c.kind === "relative" && !c.fromNow ? start : c.start,
    phraseEnd: end,
    introduced: prep !== undefined || due !== null,
    date: c.date,
    time,
    recurrence: c.recurrence,
  };
}

function timeOf(m: RegExpExecArray): string | undefined {
  if (m[6]) return "12:00";
  if (m[4]) return `${m[4].padStart(2, "0")}:${m[5]}`;
  let hour = Number(m[1]);
  if (hour < 1 || hour > 12) return undefined;
  const pm = (m[3] as string).toLowerCase() === "pm";
  if (hour === 12) hour = pm ? 12 : 0;
  else if (pm) hour += 12;
  return `${String(hour).padStart(2, "0")}:${m[2] ?? "00"}`;
}

/** The word just before `at`, lower-case, without the punctuation around it. */
function wordBefore(text: string, at: number): string {
  const m = /(\S+)\s*$/.exec(text.slice(0, at));
  if (!m) return "";
  const word = (m[1] as string).toLowerCase();
  // "Dana's Friday demo": a possessive before the day makes it a description; so does an
  // ordinal ("every 2nd Tuesday" is a day of each month, which rec: cannot say).
  if (/['’]s$/.test(word) || /^\d+(st|nd|rd|th)$/.test(word)) return "the";
  return word.replace(/^[("'“‘[]+|[)"'”’\],.;!]+$/g, "");
}

/** At the end, before punctuation, before a time or a word like "about": not describing a noun. */
function standsApart(text: string, at: number): boolean {
  const after = text.slice(at);
  if (/^\s*$/.test(after)) return true;
  if (/^[,.;:!)\]]/.test(after)) return true;
  if (/^\s+[-–—]/.test(after)) return true;
  const next = /^\s+(\S+)/.exec(after)?.[1]?.toLowerCase() ?? "";
  return FOLLOWERS.has(next.replace(/[,.;:!)]+$/, "")) || TIME_AFTER.test(after);
}

/** The phrase is asked about, not due: its sentence ends in a question mark. */
function inQuestion(text: string, at: number): boolean {
  const m = /[.!?]/.exec(text.slice(at));
  return m !== null && m[0] === "?";
}

/**
 * The text with tags (`key:value`), `+projects`, `@contexts` and web addresses blanked out, so
 * no date is read inside them ("t:2026-12-05") and they count as the end of the words.
 */
function maskTokens(text: string): string {
  return text.replace(/(?<=^|\s)(?:[+@]\S+|[A-Za-z][\w.-]*:[^\s/]\S*|\S*:\/\/\S*)/g, (t) =>
    " ".repeat(t.length),
  );
}

/** The text without start..end, and without a separator left dangling by it. */
function withoutSpan(text: string, start: number, end: number): string {
  let before = text.slice(0, start).trimEnd();
  let after = text.slice(end).trimStart();
  // "(due Dec 9)" leaves no empty brackets behind.
  if (before.endsWith("(") && after.startsWith(")")) {
    before = before.slice(0, -1).trimEnd();
    after = after.slice(1).trimStart();
  }
  if (before === "") after = after.replace(/^[,;:–—-]\s*/, "");
  if (after === "" || /^[.!?]/.test(after)) before = before.replace(/\s*[,;:–—-]$/, "");
  if (before === "") return after;
  if (after === "" || /^[,.;:!?)\]]/.test(after)) return `${before}${after}`;
  return `${before} ${after}`;
}
