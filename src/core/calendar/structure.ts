import { PpppptError } from "../errors.js";

/**
 * The shape of an iCalendar file, checked before ical.js reads it, because ical.js says what is
 * wrong but not where: content lines (folding undone) each with a name and a colon, BEGIN and
 * END paired, only VCALENDARs at the top. A file that fails gets one message naming its line.
 * A file that passes is handed on cut in pieces: each calendar's own lines (its properties and
 * VTIMEZONEs) and each VEVENT apart with the line it starts on, so that ical.js reading one
 * event wrong (a bad RRULE, a bad date) costs that event alone, named by its line.
 */
export interface CalendarShape {
  calendars: CalendarPieces[];
  /** Every TZID a property names, with the first line naming it; and those a VTIMEZONE defines. */
  tzidsUsed: Map<string, number>;
  tzidsDefined: Set<string>;
}

export interface CalendarPieces {
  /** The VCALENDAR without its VEVENTs, unfolded, one content line per text line. */
  frame: string;
  events: { line: number; text: string }[];
}

const NAME = /^[A-Za-z0-9-]+/;
const TZID_PARAM = /;TZID=("[^"]*"|[^;:]*)/gi;

/** One top-level VEVENT, as the reader hands it on. */
export interface EventPiece {
  /** Which VCALENDAR of the file it is in, counted from 0. */
  calendar: number;
  /** The physical line its BEGIN:VEVENT is on. */
  line: number;
  /** Its content lines, unfolded, one per text line. */
  text: string;
  /** Its UID as written (empty when it has none), and whether it overrides one occurrence. */
  uid: string;
  recurrenceId: boolean;
}

/** What a whole file's reading found besides its events. */
export interface CalendarOutline {
  /** Each VCALENDAR's frame, in file order. */
  frames: string[];
  tzidsUsed: Map<string, number>;
  tzidsDefined: Set<string>;
}

/**
 * The same check and cut, a chunk of text at a time, so a large file never sits in memory
 * whole: `push` the text as it is read, then `end`. Each VEVENT is handed to `onEvent` as soon
 * as its END:VEVENT is read; the frames (a VTIMEZONE may follow the events) come with `end`.
 * A broken structure throws, from `push` or from `end`, naming the line.
 */
export class CalendarShapeReader {
  private readonly stack: { name: string; line: number }[] = [];
  private readonly outline: CalendarOutline = {
    frames: [],
    tzidsUsed: new Map(),
    tzidsDefined: new Set(),
  };
  private frame: string[] = [];
  private event: string[] | undefined;
  private eventLine = 0;
  private eventUid = "";
  private eventRecurrenceId = false;
  private observance: { dtstart?: string; rdate: boolean; rrule: boolean } | undefined;
  private physical = 0;
  private logical = "";
  private logicalLine = 0;
  /** The text after the last newline of what was pushed: a line not yet complete. */
  private rest = "";
  private started = false;

  constructor(
    private readonly file: string,
    private readonly onEvent: (event: EventPiece) => void = () => {},
  ) {}

  push(chunk: string): void {
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.rest !== "") text = this.rest + text;
    let start = 0;
    for (;;) {
      const end = text.indexOf("\n", start);
      if (end === -1) break;
      this.physicalLine(text.slice(start, end));
      start = end + 1;
    }
    this.rest = text.slice(start);
  }

  end(): CalendarOutline {
    if (this.rest !== "") this.physicalLine(this.rest);
    this.rest = "";
    if (this.logicalLine > 0) this.contentLine(this.logical, this.logicalLine);
    this.logicalLine = 0;
    const open = this.stack.pop();
    if (open) {
      this.fail(
        `END:${open.name} missing (BEGIN on line ${open.line}): the file is truncated`,
        this.physical,
      );
    }
    if (this.outline.frames.length === 0) this.fail("no BEGIN:VCALENDAR: not an iCalendar file", 1);
    return this.outline;
  }

  private physicalLine(line: string): void {
    const raw = line.endsWith("\r") ? line.slice(0, -1) : line;
    this.physical++;
    if ((raw.startsWith(" ") || raw.startsWith("\t")) && this.logicalLine > 0) {
      this.logical += raw.slice(1);
      return;
    }
    if (this.logicalLine > 0) this.contentLine(this.logical, this.logicalLine);
    this.logical = raw;
    this.logicalLine = this.physical;
  }

  private fail(message: string, line: number): never {
    throw new PpppptError(message, { file: this.file, line });
  }

  private contentLine(value: string, line: number): void {
    if (value.trim() === "") return;
    const { stack, outline } = this;
    const name = NAME.exec(value)?.[0];
    if (!name) this.fail(`not an iCalendar content line: ${clip(value)}`, line);
    const rest = value.slice((name as string).length);
    const colon = valueColon(rest);
    if (colon < 0) this.fail(`a content line without a colon: ${clip(value)}`, line);
    const upper = (name as string).toUpperCase();
    let out = value;
    const o = this.observance;
    if (o && stack.length > 0 && upper === "END") {
      // ical.js (2.2) drops an RDATE observance's own DTSTART onset and all but the first of
      // its RDATE values (Europe_Berlin in khal's fixtures reads as UTC): the onsets are spelled
      // out one RDATE each, which means the same by RFC 5545 §3.6.5.
      if (o.rdate && !o.rrule && o.dtstart) this.frame.push(`RDATE:${o.dtstart}`);
      this.observance = undefined;
    } else if (o && stack.length > 0) {
      if (upper === "DTSTART") o.dtstart = rest.slice(colon + 1).trim();
      if (upper === "RRULE") o.rrule = true;
      if (upper === "RDATE") {
        o.rdate = true;
        const values = rest.slice(colon + 1).split(",");
        for (const v of values.slice(0, -1))
          this.frame.push(`RDATE${rest.slice(0, colon)}:${v.trim()}`);
        out = `RDATE${rest.slice(0, colon)}:${(values.at(-1) as string).trim()}`;
      }
    }
    if (upper === "BEGIN" || upper === "END") {
      const component = rest
        .slice(colon + 1)
        .trim()
        .toUpperCase();
      if (upper === "BEGIN") {
        if (stack.length === 0) {
          if (component !== "VCALENDAR") {
            this.fail(`the file starts with ${component}, not VCALENDAR`, line);
          }
          this.frame = [];
        }
        if (
          (component === "STANDARD" || component === "DAYLIGHT") &&
          stack.at(-1)?.name === "VTIMEZONE"
        ) {
          this.observance = { rdate: false, rrule: false };
        }
        if (component === "VEVENT" && stack.length === 1) {
          this.event = [];
          this.eventLine = line;
          this.eventUid = "";
          this.eventRecurrenceId = false;
        }
        stack.push({ name: component, line });
      } else {
        const open = stack.pop();
        if (!open) this.fail(`END:${component} with no BEGIN`, line);
        const b = open as { name: string; line: number };
        if (b.name !== component) {
          this.fail(
            `END:${component} where END:${b.name} was expected (BEGIN on line ${b.line})`,
            line,
          );
        }
      }
    } else {
      if (stack.length === 0) this.fail(`${clip(value)} outside any BEGIN:VCALENDAR`, line);
      const head = rest.slice(0, colon);
      if (head.length > 5) {
        for (const m of head.matchAll(TZID_PARAM)) {
          const tzid = unquote(m[1] as string);
          if (!outline.tzidsUsed.has(tzid)) outline.tzidsUsed.set(own(tzid), line);
        }
      }
      if (upper === "TZID" && stack.at(-1)?.name === "VTIMEZONE") {
        outline.tzidsDefined.add(own(rest.slice(colon + 1).trim()));
      }
      // Microsoft's CDO writes `BYDAY=MO, TU`; no rule part holds a space, so none is kept.
      if (upper === "RRULE" || upper === "EXRULE") out = value.replace(/\s+/g, "");
      if (this.event && stack.length === 2) {
        if (upper === "UID") this.eventUid = rest.slice(colon + 1).trim();
        else if (upper === "RECURRENCE-ID") this.eventRecurrenceId = true;
      }
    }
    if (this.event) this.event.push(out);
    else this.frame.push(out);
    if (upper === "END") {
      if (this.event && stackDepthOfEvent(stack) === stack.length) {
        this.onEvent({
          calendar: outline.frames.length,
          line: this.eventLine,
          text: this.event.join("\n"),
          uid: this.eventUid,
          recurrenceId: this.eventRecurrenceId,
        });
        this.event = undefined;
      }
      if (stack.length === 0) outline.frames.push(this.frame.join("\n"));
    }
  }
}

/** The whole check on a text in memory: its calendars, each with its frame and events. */
export function checkCalendarShape(source: string, file: string): CalendarShape {
  const events: EventPiece[] = [];
  const reader = new CalendarShapeReader(file, (e) => events.push(e));
  reader.push(source);
  const { frames, tzidsUsed, tzidsDefined } = reader.end();
  const calendars: CalendarPieces[] = frames.map((frame) => ({ frame, events: [] }));
  for (const e of events) calendars[e.calendar]?.events.push({ line: e.line, text: e.text });
  return { calendars, tzidsUsed, tzidsDefined };
}

/** An event's END comes back to the depth its BEGIN was at: inside one VCALENDAR. */
function stackDepthOfEvent(stack: readonly { name: string }[]): number {
  return stack.length === 1 && stack[0]?.name === "VCALENDAR" ? 1 : -1;
}

/** Parameters may quote colons (`;ALTREP="http://…"`): the value starts at the first bare one. */
function valueColon(rest: string): number {
  let quoted = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === '"') quoted = !quoted;
    else if (c === ":" && !quoted) return i;
  }
  return -1;
}

/**
 * A copy of a string that holds nothing else alive. V8 makes a substring a view of the string
 * it was cut from, so a UID kept for the whole file (a map key) would keep its 64 KB chunk, or
 * its event's whole text, in memory with it: on a large file, the file.
 */
export function own(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

function unquote(s: string): string {
  return s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s;
}

function clip(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}
